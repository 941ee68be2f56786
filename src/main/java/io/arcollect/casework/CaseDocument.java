package io.arcollect.casework;

import java.time.Instant;

/** A document of a case (the formal notice letter, ...), described without its content; sha256 identifies it. */
public record CaseDocument(long id, String caseNumber, String kind, String fileName, String contentType, long size,
    String sha256, Instant createdAt) {}
