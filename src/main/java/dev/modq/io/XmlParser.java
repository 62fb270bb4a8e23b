package dev.modq.io;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;

/** Shared start for the XML formats: drop junk before the first '<' (noted in the report), then StAX. */
abstract class XmlParser implements Parser {

    private static final int JUNK_LIMIT = 64;

    protected XMLStreamReader xml;
    private long skippedLines;

    protected XMLStreamReader open(InputFile in, ImportCounts counts) throws IOException, XMLStreamException {
        int dropped = in.reader().skipToFirstAngleBracket(JUNK_LIMIT);
        if (dropped > 0) {
            counts.notes.add("ignored " + dropped + " character(s) before the XML declaration");
        }
        skippedLines = in.reader().skippedLines();
        xml = Xml.open(in.reader());
        return xml;
    }

    @Override
    public String where() {
        return Xml.where(xml, skippedLines);
    }
}
