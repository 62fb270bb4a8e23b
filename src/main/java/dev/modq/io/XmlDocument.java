package dev.modq.io;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;

/**
 * An XML export opened and positioned on its root element: stray characters before the XML dropped (noted),
 * comments, processing instructions and whitespace before the root skipped however long they are, bare
 * ampersands recovered and sizes guarded (see {@link XmlGuardReader}).
 */
final class XmlDocument {

    private static final int JUNK_LIMIT = 64;

    private final XMLStreamReader reader;
    private final XmlGuardReader guard;
    private final long skippedLines;

    private XmlDocument(XMLStreamReader reader, XmlGuardReader guard, long skippedLines) {
        this.reader = reader;
        this.guard = guard;
        this.skippedLines = skippedLines;
    }

    static XmlDocument open(InputFile in, ImportCounts counts) throws IOException, XMLStreamException {
        int dropped = in.reader().skipToFirstAngleBracket(JUNK_LIMIT);
        if (dropped > 0) {
            counts.note("ignored " + dropped + " character(s) before the XML declaration");
        }
        long skipped = in.reader().skippedLines();
        XmlGuardReader guard = new XmlGuardReader(in.reader(), 1 + skipped);
        XMLStreamReader xml = Xml.open(guard);
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                return new XmlDocument(xml, guard, skipped);
            }
        }
        throw new BadRecordException("the XML has no element at all");
    }

    XMLStreamReader reader() {
        return reader;
    }

    long skippedLines() {
        return skippedLines;
    }

    /** The root element's name without prefix. */
    String root() {
        return Xml.name(reader);
    }

    /** Whether the root element's attributes or namespace declarations mention {@code text}. */
    boolean mentions(String text) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (String.valueOf(reader.getAttributeValue(i)).contains(text)) {
                return true;
            }
        }
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            if (String.valueOf(reader.getNamespaceURI(i)).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Notes what leniency was applied while reading, once the document has been read. */
    void noteRecoveries(ImportCounts counts) {
        if (guard.bareAmpersands() > 0) {
            counts.note(guard.bareAmpersands() + " bare '&' (not starting an entity such as &amp;) read as text,"
                    + " the first at line " + guard.firstBareAmpersand() + ": the exporter did not escape them");
        }
    }
}
