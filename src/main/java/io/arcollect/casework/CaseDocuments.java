package io.arcollect.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents sent in a case (the formal notice PDF): stored once, never changed, read by auditors. */
@Service
public class CaseDocuments {

  /** A stored document; {@code content} is empty in listings. */
  public record CaseDocument(long id, String caseNumber, String kind, String fileName, String contentType,
      byte[] content, Instant createdAt) {}

  private final JdbcTemplate jdbc;

  CaseDocuments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a document with the case and answers its id. */
  @Transactional
  public long store(String caseNumber, String kind, String fileName, String contentType, byte[] content,
      Instant createdAt) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var insert = connection.prepareStatement("insert into case_documents (case_number, kind, file_name, content_type, "
          + "content, created_at) values (?, ?, ?, ?, ?, ?)", new String[] {"id"});
      insert.setString(1, caseNumber);
      insert.setString(2, kind);
      insert.setString(3, fileName);
      insert.setString(4, contentType);
      insert.setBytes(5, content);
      insert.setTimestamp(6, Timestamp.from(createdAt));
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  @Transactional(readOnly = true)
  public Optional<CaseDocument> find(long id) {
    return jdbc.query("select * from case_documents where id = ?", (rs, row) -> new CaseDocument(rs.getLong("id"),
        rs.getString("case_number"), rs.getString("kind"), rs.getString("file_name"), rs.getString("content_type"),
        rs.getBytes("content"), rs.getTimestamp("created_at").toInstant()), id).stream().findFirst();
  }

  /** A case's documents without their content, oldest first. */
  @Transactional(readOnly = true)
  public List<CaseDocument> ofCase(String caseNumber) {
    return jdbc.query("select id, case_number, kind, file_name, content_type, created_at from case_documents "
            + "where case_number = ? order by created_at, id",
        (rs, row) -> new CaseDocument(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"),
            rs.getString("file_name"), rs.getString("content_type"), new byte[0],
            rs.getTimestamp("created_at").toInstant()), caseNumber);
  }
}
