#!/usr/bin/env python3
"""Writes src/test/resources/hostile/*.csv, the inputs of system.HostileInputTest (run it again after changing
the lists below; the CSV files are what the test reads). Columns are separated by '|'."""
import json, os

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'test', 'resources', 'hostile')

# values a client may send for any field: (label, Camunda REST variable value)
def v(value, typ=None):
    d = {"value": value}
    if typ:
        d["type"] = typ
    return d

WRONG_AMOUNTS = [("text", v("abc")), ("true", v(True)), ("NaN text", v("NaN")), ("Infinity text", v("Infinity")),
                 ("negative", v(-5)), ("zero", v(0)), ("1e308", v(1e308)), ("huge", v(99999999999999999)),
                 ("three decimals", v(10.005)), ("object", v({"a": 1}, "Json")), ("list text", v("[1,2]")),
                 ("comma decimal", v("12,50")), ("blank", v("")), ("spaces", v("   ")), ("date", v("2026-01-01")),
                 ("more than owed", v(1000000)), ("boolean type", v(True, "Boolean")), ("hex", v("0x10")),
                 ("exponent text", v("1e5")), ("minus zero point", v(-0.01))]
WRONG_DATES = [("next week", v("next week")), ("missing", None), ("blank", v("")), ("US date", v("03/10/2026")),
               ("number", v(20260310)), ("true", v(True)), ("no day", v("2026-03")), ("Feb 30", v("2026-02-30")),
               ("year 0", v("0000-01-01")), ("far past", v("1999-01-01")), ("far future", v("2999-01-01")),
               ("sql", v("2026-03-10' or '1'='1")), ("long", v("2" * 5000)), ("month 13", v("2026-13-01"))]
WRONG_CHOICES = [("number", v(3)), ("lower case", v("reached")), ("unknown", v("MAYBE")), ("true", v(True)),
                 ("100 characters", v("X" * 100)), ("sql", v("REACHED'; drop table contact_log; --")),
                 ("script", v("<script>alert(1)</script>")), ("blank", v("")), ("object", v({"x": 1}, "Json")),
                 ("double", v(1.5))]
WRONG_TEXT = [("number", v(42)), ("true", v(True)), ("too long", v("x" * 10001)), ("object", v({"x": 1}, "Json"))]
WRONG_WHOLE = [("text", v("three")), ("fraction", v(2.5)), ("zero", v(0)), ("negative", v(-1)), ("huge", v(10**12)),
               ("true", v(True)), ("blank", v("")), ("NaN", v("NaN"))]
WRONG_INVOICES = [("none", v("")), ("other customer", v("ZZ-OTHER-1")), ("number", v(1)), ("sql", v("' or 1=1 --")),
                  ("json list of other", v('["ZZ-OTHER-1"]')), ("true", v(True)), ("too long", v("A," * 3000))]


def rows_for(step, base, field, wrongs, expect_label, status=400):
    rows = []
    for label, value in wrongs:
        variables = dict(base)
        if value is None:
            variables.pop(field, None)
        else:
            variables[field] = value
        # Camunda REST refuses a Json value that is not text before any step sees it, without naming the field
        names_field = not (value and value.get("type") == "Json" and not isinstance(value["value"], str))
        rows.append((step, f"{field} {label}", json.dumps(variables, ensure_ascii=False), status,
                     expect_label if names_field else ""))
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    promise = {"contactChannel": v("PHONE"), "contactOutcome": v("PROMISE_TO_PAY"), "promisedAmount": v(100),
               "promisedDate": v("@today+7")}
    dispute = {"contactChannel": v("PHONE"), "contactOutcome": v("DISPUTE"), "disputedInvoices": v("@invoice"),
               "disputeReason": v("Goods damaged")}
    plan = {"planDownPayment": v(0), "planInstalmentCount": v(2), "planFirstDueDate": v("@today+14"),
            "planIntervalDays": v(30)}
    letter = {"demandLetterDecision": v("APPROVED"), "noticeDays": v(14)}
    resolve = {"disputeResolution": v("CORRECTION"), "creditAmount": v(10), "notes": v("partly")}
    rows = []
    rows += rows_for("call", promise, "promisedAmount", WRONG_AMOUNTS, "Promised amount")
    rows += rows_for("call", {**promise, "promisedAmount": None} and {k: x for k, x in promise.items() if k != "promisedAmount"},
                     "promisedAmount", [("missing", None)], "Promised amount")
    rows += rows_for("call", promise, "promisedDate", WRONG_DATES, "Promised payment date")
    rows += rows_for("call", promise, "contactOutcome", WRONG_CHOICES, "Outcome")
    rows += rows_for("call", promise, "contactChannel", WRONG_CHOICES, "How you contacted them")
    rows += rows_for("call", promise, "notes", WRONG_TEXT, "Notes")
    rows += rows_for("call", dispute, "disputedInvoices", WRONG_INVOICES + [("missing", None)], "Disputed invoices")
    rows += rows_for("call", dispute, "disputeReason", WRONG_TEXT[:2] + [("too long", v("x" * 1001)), ("missing", None)],
                     "What the customer disputes")
    rows += rows_for("plan", plan, "planInstalmentCount", WRONG_WHOLE + [("missing", None), ("37", v(37))],
                     "Number of instalments")
    rows += rows_for("plan", plan, "planIntervalDays", WRONG_WHOLE + [("six", v(6)), ("93", v(93))],
                     "Days between instalments")
    rows += rows_for("plan", plan, "planFirstDueDate", WRONG_DATES, "First instalment due")
    rows += rows_for("plan", plan, "planDownPayment", [w for w in WRONG_AMOUNTS if w[0] not in ("zero", "blank", "spaces")],
                     "Down payment (due today)")
    rows += rows_for("plan", plan, "notes", WRONG_TEXT, "Notes")
    rows += rows_for("letter", letter, "noticeDays", WRONG_WHOLE[:2] + [("six", v(6)), ("91", v(91)), ("text", v("ten"))],
                     "Days to pay")
    rows += rows_for("letter", letter, "demandLetterDecision", WRONG_CHOICES + [("missing", None), ("REJECTED", v("REJECTED"))],
                     "Decision")
    send_back = {"demandLetterDecision": v("SEND_BACK"), "sendBackReason": v("Customer announced a payment on Friday")}
    rows += rows_for("letter", send_back, "sendBackReason", WRONG_TEXT + [("missing", None), ("blank", v("")),
                     ("too short", v("abc")), ("too long", v("r" * 1001))], "Why back to calls?")
    rows += rows_for("letter", send_back, "notes", WRONG_TEXT, "Notes")
    for step, field, base in [("approval", "planApproval", {"planApproval": v("APPROVED")}),
                              ("legal", "legalDecision", {"legalDecision": v("LAWYER"), "notes": v("Claim to the lawyer")}),
                              ("writeoff", "writeOffDecision", {"writeOffDecision": v("APPROVED"), "notes": v("Agreed")})]:
        rows += rows_for(step, base, field, WRONG_CHOICES + [("missing", None)], "Decision")
        rows += rows_for(step, base, "notes", WRONG_TEXT, "Notes")
    rows += rows_for("call", dispute, "disputedInvoices", [("json of other", v('["ZZ-OTHER-1"]', "Json")),
                     ("list with other", v('["@invoice", "ZZ-OTHER-2"]', "Json")), ("empty json", v("[]", "Json"))],
                     "Disputed invoices")
    rows += rows_for("dispute", resolve, "disputeResolution", WRONG_CHOICES + [("missing", None)], "Resolution")
    rows += rows_for("dispute", resolve, "creditAmount", WRONG_AMOUNTS + [("missing", None)], "Amount to credit")
    rows += rows_for("call", promise, "anyOtherField", [("too long", v("y" * 10001)), ("NaN double", v("NaN", "Double"))], "")
    with open(os.path.join(OUT, 'task-submissions.csv'), 'w', encoding='utf-8') as out:
        out.write("step|case|variables|status|message\n")
        for step, case, variables, status, label in rows:
            assert '|' not in variables and '\n' not in variables
            out.write(f"{step}|{case}|{variables}|{status}|{label}\n")
    print(len(rows), "task submissions")

    requests(os.path.join(OUT, 'requests.csv'))


CAMT_HEAD = '<?xml version="1.0" encoding="UTF-8"?>'
CAMT_NS = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'


def requests(path):
    """Requests against the API: method, user, path, content type, body ('\\n' = new line)."""
    rows = []
    def add(method, user, url, ctype="", body=""):
        assert '|' not in url + body + ctype and '\n' not in body
        rows.append((method, user, url, ctype, body))
    J = "application/json"
    # hand-entered payments (finance)
    good = {"bankReference": "H-1", "valueDate": "2026-03-02", "amount": 10, "currency": "USD"}
    bad_payments = ['{"amount":', '[]', '"text"', '{}', 'null', '{"bankReference": "H-1"}',
                    '{' * 5000 + '}' * 5000, '[' * 3000 + ']' * 3000]
    for field, values in {"amount": [-1, 0, "abc", True, 1e400, "NaN", [], {}],
                          "valueDate": ["next week", "2026-02-30", 20260302, "", True, "03/02/2026"],
                          "currency": ["EURO", "", 1, "E$R", "US"],
                          "bankReference": ["", "r" * 141, 5, None],
                          "payerName": ["p" * 201], "payerIban": ["I" * 35], "remittanceText": ["t" * 2001]}.items():
        for value in values:
            body = dict(good)
            body[field] = value
            text = json.dumps(body)
            bad_payments.append(text.replace('Infinity', '1e400'))
    for body in bad_payments:
        add("POST", "frank", "/api/payments", J, body)
    add("POST", "frank", "/api/payments", "text/plain", json.dumps(good))
    add("POST", "frank", "/api/payments", "application/xml", "<payment/>")
    # customer file changes (finance)
    for body in ['{"doNotContact": "maybe"}', '{"doNotContact": true, "since": "yesterday"}', '{"doNotContact": 5}',
                 '{"doNotContact": true, "reason": "' + 'r' * 600 + '"}', '{', '[1]']:
        add("PUT", "frank", "/api/customers/@account/do-not-contact", J, body)
    add("PUT", "frank", "/api/customers/NO-SUCH-ACCOUNT/do-not-contact", J, '{"doNotContact": true, "reason": "x"}')
    for body in ['{"country": 5}', '{', '"x"', '{"street": "' + 's' * 1000 + '"}']:
        add("PUT", "frank", "/api/customers/@account/postal-address", J, body)
    for email in ["not-an-email", "%3Cscript%3E", "a@b.c" + "x" * 300]:
        add("PUT", "frank", "/api/customers/@account/contacts/" + email, J, '{"name": "N", "preferredChannel": "CARRIER_PIGEON"}')
    add("DELETE", "frank", "/api/customers/@account/contacts/nobody@example.com")
    # CSV imports (finance)
    csvs = ["", "\\n", "account,customer_name\\nR-1,Acme", "\\x00\\x01\\x02binary", "a" * 100,
            ",".join("c%d" % i for i in range(3000)), '"unclosed,quote\\nx,y', "account_number\\n",
            "\\ufeff;;;\\n;;;", "<xml/>", '{"json": true}']
    for target in ["/api/customers/import", "/api/invoices/import", "/api/customers/contacts/import"]:
        for csv in csvs:
            add("POST", "frank", target, "text/csv", csv)
        add("POST", "frank", target, J, '{"a": 1}')
    # camt.053 statements (finance): XXE, entity expansion, not camt, broken
    doc = lambda inner: CAMT_HEAD + inner
    camts = [
        doc('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document xmlns="' + CAMT_NS + '">&x;</Document>'),
        doc('<!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:9/evil">]><Document xmlns="' + CAMT_NS + '">&x;</Document>'),
        doc('<!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd"><Document xmlns="' + CAMT_NS + '"/>'),
        doc('<!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><Document/>'),
        doc('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
            '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><Document>&lol4;</Document>'),
        doc('<!DOCTYPE d [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">]><Document>&a;&a;&a;</Document>'),
        doc('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>'),
        doc('<Document xmlns="' + CAMT_NS + '"><BkToCstmrStmt>'),
        doc('<Document xmlns="' + CAMT_NS + '"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr></BkToCstmrStmt></Document>'),
        doc('<Document xmlns="' + CAMT_NS + '"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>not a time</CreDtTm></GrpHdr>'
            '<Stmt><Id>S</Id><Ntry><Amt Ccy="USD">abc</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>'),
        doc('<Document xmlns="' + CAMT_NS + '"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId></GrpHdr><Stmt><Id>S</Id>'
            '<Ntry><Amt Ccy="USD">-1e308</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>'),
        "not xml at all", "", "<", "<?xml version='1.0'?><a><b></a>", "\\x00\\x00",
        doc('<?xml-stylesheet href="http://127.0.0.1:9/x.xsl"?><Document xmlns="' + CAMT_NS + '"/>'),
        doc('<x:Document xmlns:x="' + CAMT_NS + '" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></x:Document>'),
        doc('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.99"/>'),
        "@camt/camt053.v2.wrong.xml"]
    for xml in camts:
        add("POST", "frank", "/api/bank-statements", "application/xml", xml)
    add("POST", "frank", "/api/bank-statements", J, '{"a": 1}')
    # query parameters
    for q in ["page=-1", "page=abc", "size=0", "size=abc", "size=-5", "size=99999999999", "status=closed'--", "status=bogus"]:
        add("GET", "frank", "/api/cases?" + q)
    for q in ["asOf=yesterday", "asOf=2026-02-30", "limit=abc", "limit=-1", "asOf=%27%20or%201=1"]:
        add("GET", "frank", "/api/reports/aging?" + q)
    for q in ["/no-such-kpi", "/aging?from=bad", "/aging?to=2026-13-01", "/aging?format=exe", "/recovery?by=password",
              "/promises?from=2026-02-30", "/promises?to=1", "/cases?from=2026-03-10&to=2026-03-01"]:
        add("GET", "frank", "/api/reports/kpis" + q)
    for q in ["size=abc", "from=notadate", "to=2026-99-99", "size=-1"]:
        add("GET", "audrey", "/api/case-history?" + q)
    for q in ["format=exe", "detail=everything", "format=%00"]:
        add("GET", "audrey", "/api/cases/@case/trail?" + q)
    for q in ["page=abc", "size=abc", "status=%27;drop", "page=-1"]:
        add("GET", "frank", "/api/payments?" + q)
    for q in ["page=abc", "size=-1"]:
        add("GET", "frank", "/api/customers?" + q)
    engine = ["task?maxResults=abc", "task?firstResult=abc", "task?sortBy=password", "task?sortBy=created&sortOrder=sideways",
              "task?sortOrder=asc", "task?dueBefore=tomorrow", "task?priority=high", "task?candidateGroup=sales&withCandidateGroups=maybe",
              "variable-instance?variableValues=a_eq", "variable-instance?variableValues=x_like_y_z",
              "variable-instance?maxResults=-1x", "history/variable-instance?sortBy=nope", "history/variable-instance?sortBy=variableName",
              "history/task?finished=maybe", "history/process-instance?startedBefore=nope", "history/detail?sortBy=x",
              "history/detail?maxResults=z", "process-instance?variables=a_gt", "process-instance?sortBy=x",
              "execution?variables=__", "task/count?created=yesterday", "task?taskVariables=a_eq_b_c", "job?dueDates=x",
              "deployment?sortBy=hack", "process-definition?latestVersion=perhaps"]
    for q in engine:
        add("GET", "sally", "/engine-rest/" + q)
    # path parameters
    for p in ["%27%20OR%20%271%27=%271", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
              "x" * 300, "%E2%80%AE", "NULL", "-1", "1;select", "%25", "%C0%AF"]:
        add("GET", "frank", "/api/cases/" + p)
        add("GET", "frank", "/api/invoices/" + p)
        add("GET", "frank", "/api/customers/" + p)
        add("GET", "frank", "/api/payments/" + p)
        add("GET", "frank", "/engine-rest/task/" + p)
        add("GET", "frank", "/engine-rest/process-instance/" + p + "/variables")
    for p in ["/engine-rest/task/no-such-task/complete", "/engine-rest/task/no-such-task/submit-form"]:
        add("POST", "sally", p, J, '{"variables": {"contactOutcome": {"value": "REACHED"}}}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": {"contactOutcome": {"value": "x", "type": "Integer"}}}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": {"contactOutcome": {"value": 1, "type": "Date"}}}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": {"contactOutcome": {"value": "x", "type": "NoSuchType"}}}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": {"contactOutcome": {"value": "rO0AB", "type": "Object", "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/x-java-serialized-object"}}}}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": "everything"}')
    add("POST", "sally", "/engine-rest/task/@task/complete", J, '{"variables": {"contactOutcome": {"value": "REACHED"}, "promisedAmount": {"value": "1", "type": "Long"}}, "x": ')
    add("POST", "sally", "/engine-rest/task/@task/submit-form", J, '{"variables": {"contactOutcome": {"value": 7}}}')
    add("POST", "sally", "/engine-rest/task/@task/submit-form", J, '{"variables": {"contactOutcome": {"value": "REACHED"}, "contactChannel": {"value": "' + "C" * 100 + '"}}}')
    with open(path, 'w', encoding='utf-8') as out:
        out.write("method|user|path|contentType|body\n")
        for row in rows:
            out.write("|".join(row) + "\n")
    print(len(rows), "requests")


main()
