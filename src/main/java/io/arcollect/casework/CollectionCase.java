package io.arcollect.casework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** The record of one overdue account's collection, kept in step with its process instance. */
@Entity
@Table(name = "collection_cases")
public class CollectionCase {

  public enum Status { OPEN, CLOSED }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collection_cases_seq")
  @SequenceGenerator(name = "collection_cases_seq", sequenceName = "collection_cases_seq", allocationSize = 50)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  @Column(name = "customer_id")
  private Long customerId;

  @Column(name = "customer_account")
  private String customerAccount;

  @Column(name = "open_customer_id")
  private Long openCustomerId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  private CaseStage stage;

  private String strategy;

  @Column(name = "credit_grade")
  private String creditGrade;

  @Column(name = "owning_department")
  private String owningDepartment;

  /** The strategy's days past due from which the formal notice is due; null for a case assessed before V152. */
  @Column(name = "days_to_formal_notice")
  private Integer daysToFormalNotice;

  /** The strategy's days past due for the legal referral (the formal notice's deadline); null before V152. */
  @Column(name = "days_to_legal_referral")
  private Integer daysToLegalReferral;

  private String currency;

  @Column(name = "amount_at_open")
  private BigDecimal amountAtOpen;

  @Column(name = "outstanding_amount")
  private BigDecimal outstandingAmount;

  private String outcome;

  @Column(name = "opened_at")
  private Instant openedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** The formal notice's deadline, fixed when the demand letter was approved; null before. */
  @Column(name = "notice_deadline")
  private java.time.LocalDate noticeDeadline;

  @Version
  private long version;

  protected CollectionCase() {}

  CollectionCase(String caseNumber, long customerId, String customerAccount, String currency, BigDecimal overdueAmount,
      Instant openedAt) {
    this.caseNumber = caseNumber;
    this.customerId = customerId;
    this.customerAccount = customerAccount;
    this.openCustomerId = customerId;
    this.currency = currency;
    this.amountAtOpen = overdueAmount;
    this.outstandingAmount = overdueAmount;
    this.status = Status.OPEN;
    this.stage = CaseStage.INITIAL_CONTACT;
    this.openedAt = openedAt;
  }

  void startedAs(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void strategyChosen(String creditGrade, String strategy, String owningDepartment, Integer daysToFormalNotice,
      Integer daysToLegalReferral) {
    this.creditGrade = creditGrade;
    this.strategy = strategy;
    this.owningDepartment = owningDepartment;
    this.daysToFormalNotice = daysToFormalNotice;
    this.daysToLegalReferral = daysToLegalReferral;
  }

  public Integer getDaysToFormalNotice() {
    return daysToFormalNotice;
  }

  public Integer getDaysToLegalReferral() {
    return daysToLegalReferral;
  }

  void enter(CaseStage stage) {
    if (status == Status.CLOSED) {
      throw new IllegalStateException("Case " + caseNumber + " is closed");
    }
    this.stage = stage;
  }

  void outstanding(BigDecimal amount) {
    outstandingAmount = amount;
  }

  void joined(BigDecimal openAmount) {
    outstandingAmount = outstandingAmount.add(openAmount);
  }

  public void close(String outcome, Instant at) {
    this.status = Status.CLOSED;
    this.stage = CaseStage.CLOSED;
    this.openCustomerId = null;
    this.outcome = outcome;
    this.closedAt = at;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public String getCustomerAccount() {
    return customerAccount;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Status getStatus() {
    return status;
  }

  public CaseStage getStage() {
    return stage;
  }

  public String getStrategy() {
    return strategy;
  }

  public String getCreditGrade() {
    return creditGrade;
  }

  public String getOwningDepartment() {
    return owningDepartment;
  }

  public String getCurrency() {
    return currency;
  }

  public BigDecimal getAmountAtOpen() {
    return amountAtOpen;
  }

  public BigDecimal getOutstandingAmount() {
    return outstandingAmount;
  }

  public String getOutcome() {
    return outcome;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public java.time.LocalDate getNoticeDeadline() {
    return noticeDeadline;
  }

  void noticeDeadline(java.time.LocalDate deadline) {
    this.noticeDeadline = deadline;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
