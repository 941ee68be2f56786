package io.arcollect.casework;

/** Where a collection case stands; the collection-case process moves it on. */
public enum CaseStage {
  INITIAL_CONTACT, FOLLOW_UP, FORMAL_NOTICE, NEGOTIATION, LEGAL_REFERRAL, CLOSED
}
