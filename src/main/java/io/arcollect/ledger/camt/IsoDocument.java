package io.arcollect.ledger.camt;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An uploaded file that has been found to be well-formed XML whose root is an ISO 20022 {@code Document}, named by
 * its message type ({@code camt.053.001.02}). It is read once with the JDK's streaming parser before any library
 * sees it: a file with a DOCTYPE is refused there, so no entity can make the server open a file or a URL.
 *
 * @param messageType the ISO 20022 message identifier taken from the Document's namespace
 * @param xml the document as text, decoded in the encoding it declares
 */
record IsoDocument(String messageType, String xml) {

  private static final String ISO_20022_NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:";

  static IsoDocument read(byte[] content) {
    if (content.length == 0) {
      throw new BankStatementFormatException("The file is empty. A camt.053 bank statement is an XML file.");
    }
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    String namespace = null;
    String encoding;
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      encoding = reader.getEncoding();
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
          throw new BankStatementFormatException(
              "The file contains a document type declaration (<!DOCTYPE ...>). Bank statements never have one, and it "
                  + "is refused because its entities could make the server read other files or addresses.");
        }
        if (event == XMLStreamConstants.START_ELEMENT && namespace == null) {
          namespace = rootNamespace(reader);
        }
      }
      reader.close();
    } catch (XMLStreamException e) {
      throw new BankStatementFormatException(
          "The file is not well-formed XML" + where(e.getLocation()) + ": " + reason(e)
              + ". A camt.053 bank statement is an XML file.",
          e);
    }
    return new IsoDocument(messageType(namespace), decode(content, encoding));
  }

  private static String rootNamespace(XMLStreamReader reader) {
    if (!"Document".equals(reader.getLocalName())) {
      throw new BankStatementFormatException("This is not a camt.053 bank statement: the XML starts with <"
          + reader.getLocalName() + "> instead of an ISO 20022 <Document>.");
    }
    String namespace = reader.getNamespaceURI();
    return namespace == null ? XMLConstants.NULL_NS_URI : namespace;
  }

  private static String messageType(String namespace) {
    if (!namespace.startsWith(ISO_20022_NAMESPACE)) {
      throw new BankStatementFormatException("This is not a camt.053 bank statement: its <Document> has "
          + (namespace.isEmpty() ? "no ISO 20022 namespace" : "the namespace '" + namespace + "'")
          + " instead of urn:iso:std:iso:20022:tech:xsd:camt.053.001.xx.");
    }
    return namespace.substring(ISO_20022_NAMESPACE.length()).toLowerCase(Locale.ROOT);
  }

  private static String decode(byte[] content, String encoding) {
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    String text = new String(content, charset);
    // a byte order mark survives decoding and would be taken for content before the root element
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static String where(Location location) {
    if (location == null || location.getLineNumber() < 0) {
      return "";
    }
    return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
  }

  // The JDK prefixes its message with "ParseError at [row,col]:[..]\nMessage: "; the location is given separately
  private static String reason(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int start = message.lastIndexOf("Message: ");
    String reason = start >= 0 ? message.substring(start + "Message: ".length()) : message;
    return reason.strip().replaceAll("\\.$", "");
  }
}
