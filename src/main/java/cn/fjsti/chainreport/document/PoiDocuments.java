package cn.fjsti.chainreport.document;

import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * New POI documents, and how to let go of them, done the cheap way (measured in docs/benchmarks.md).
 *
 * <ul>
 * <li>POI asks JAXP for a new {@code TransformerFactory} every time it writes a package's relationships and
 * content types, and JAXP answers by scanning the whole class path for a provider: a third of a report's
 * rendering time. Naming the JDK's own factory (the one the scan finds anyway) skips the scan; a deployment that
 * names another factory keeps its own.</li>
 * <li>A new document's package is backed by an in-memory stream, and {@code close()} writes the whole package
 * into it once more. A document already written where it belongs is discarded with {@code revert()}.</li>
 * </ul>
 */
final class PoiDocuments {

    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";

    static {
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
        }
    }

    private PoiDocuments() {
    }

    static XWPFDocument newDocument() {
        return new XWPFDocument();
    }

    static XSSFWorkbook newWorkbook() {
        return new XSSFWorkbook();
    }

    /** Frees a new document without writing it again (it was written, or is abandoned after a failure). */
    static void discard(POIXMLDocument document) {
        document.getPackage().revert();
    }
}
