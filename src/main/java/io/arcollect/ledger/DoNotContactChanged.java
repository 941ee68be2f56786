package io.arcollect.ledger;

import java.time.Instant;

/**
 * Published inside the changing transaction when a customer's do-not-contact wish was set, changed or lifted, so
 * the change lands in the contact log (where auditors and collectors read it) with the rest of the change.
 *
 * @param changedBy the user who changed it, null when the system did
 * @param source where the change came from, e.g. "customer import" or "REST API"
 */
public record DoNotContactChanged(long customerId, String customerAccount, DoNotContact now, String changedBy,
    String source, Instant at) {}
