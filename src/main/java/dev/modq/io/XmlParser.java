package dev.modq.io;

import javax.xml.stream.XMLStreamReader;

/** Shared part of the XML formats: they read a document already opened on its root element. */
abstract class XmlParser implements Parser {

    private XmlDocument document;

    /** The document to read, opened by the importer (which looked at its root to tell the format). */
    final void attach(XmlDocument document) {
        this.document = document;
    }

    @Override
    public final void parse(InputFile in, ImportSink sink, ImportCounts counts, BadRecords bad) throws Exception {
        parse(document.reader(), sink, bad);
        document.noteRecoveries(counts);
    }

    /** Reads from the root element on. */
    abstract void parse(XMLStreamReader r, ImportSink sink, BadRecords bad) throws Exception;

    @Override
    public String where() {
        return Xml.where(document == null ? null : document.reader(), document == null ? 0 : document.skippedLines());
    }
}
