package dev.modq.io;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Reader;

/**
 * StAX with namespaces off: elements and attributes are matched by local name (the part after any prefix),
 * so exports that use a prefix without declaring it (seen in real Blogger and WXR files) still read.
 * DTDs and external entities are refused: an export never needs them, and they are an attack surface.
 */
final class Xml {

    private static final XMLInputFactory FACTORY = factory();

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            // The JDK's own guard against deeply nested documents (each level costs memory in the parser).
            f.setProperty("jdk.xml.maxElementDepth", Limits.MAX_XML_DEPTH);
        } catch (IllegalArgumentException notThisParser) {
            // another StAX implementation: the text and tag limits of XmlGuardReader still hold
        }
        return f;
    }

    static XMLStreamReader open(Reader in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    /** The element's name without its prefix: "wp:comment" is "comment". */
    static String name(XMLStreamReader r) {
        return local(r.getLocalName());
    }

    static String local(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    /** An attribute by local name ("dsq:id" and "id" both match "id"), or null. */
    static String attr(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (local(r.getAttributeLocalName(i)).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    /** Moves to the next child element of the current element; false when the current element ends. */
    static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Moves to the next element named {@code localName} anywhere below; false at the end of the document. */
    static boolean nextElement(XMLStreamReader r, String localName) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && name(r).equals(localName)) {
                return true;
            }
        }
        return false;
    }

    /** The text of a text-only element (CDATA or not), stripped of surrounding whitespace. */
    static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText().strip();
    }

    /** The text as it is, for bodies, where leading whitespace may matter. */
    static String rawText(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText();
    }

    /** Skips the current element and everything in it. */
    static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    static String where(XMLStreamReader r, long skippedLines) {
        return r == null ? "1:1" : (r.getLocation().getLineNumber() + skippedLines) + ":" + r.getLocation().getColumnNumber();
    }
}
