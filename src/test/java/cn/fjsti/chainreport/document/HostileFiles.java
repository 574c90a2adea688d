package cn.fjsti.chainreport.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Uploads an attacker or a careless clerk might send, built from a real .docx. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A real report .docx as the service writes it. */
    public static byte[] validDocx() {
        return ReportRendererTest.render(SampleReports.haicang(1));
    }

    /** The .docx with its main part expanded to about 60 MB of one repeated character. */
    public static byte[] zipBomb() {
        String filler = "A".repeat(60 * 1024 * 1024);
        return replaceDocumentXml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                + filler + "</w:t></w:r></w:p></w:body></w:document>");
    }

    /** The .docx whose main part declares an external entity that would read a local file. */
    public static byte[] externalEntity() {
        return replaceDocumentXml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>一、&xxe;</w:t></w:r></w:p></w:body></w:document>");
    }

    /** A Windows program renamed to .docx. */
    public static byte[] renamedExe() {
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        return exe;
    }

    /** A zip archive that is not an Office document. */
    public static byte[] plainZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] replaceDocumentXml(String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(validDocx()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(entry.getName().equals("word/document.xml") ? xml.getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
