package cn.fjsti.chainreport.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.document.DocxImporter.Preview;
import cn.fjsti.chainreport.report.Section;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Files that are not Word documents, or Word documents in other dialects: read, or refused with what to do. */
class ImportFormatsTest {

    private final DocxImporter importer = new DocxImporter(10L * 1024 * 1024);

    @Test
    void shouldReadWord97AndStrictOpenXmlLikeADocx() throws IOException {
        Preview doc = importer.read(Files.readAllBytes(ImportCorpusTest.CORPUS.resolve("21a-word97.doc")));
        assertThat(doc.sections().get(Section.INNOVATION_DIRECTIONS)).isEqualTo("攻关第三代半导体材料与器件。");
        assertThat(doc.units()).hasSize(2);
        Preview strict = importer.read(Files.readAllBytes(ImportCorpusTest.CORPUS.resolve("13-strict-ooxml.docx")));
        assertThat(strict.sections().get(Section.COUNTY_INDUSTRY)).isEqualTo("海沧区生物医药产业规模逐年扩大。");
        assertThat(strict.missingSections()).isEmpty();
    }

    @Test
    void shouldRefusePdfWithWhatToDo() {
        assertRefused("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1), "PDF", "另存为");
    }

    @Test
    void shouldRefuseAWebPageSavedAsDoc() {
        assertRefused("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta name=ProgId content=Word.Document></head><body><p>一、…</p></body></html>"
                .getBytes(StandardCharsets.UTF_8), "网页", "另存为");
        assertRefused("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"".getBytes(StandardCharsets.US_ASCII), "网页", "Word 文档 (*.docx)");
    }

    @Test
    void shouldRefuseRtfAndWord2003XmlWithWhatToDo() {
        assertRefused("{\\rtf1\\ansi\\ansicpg936 一、".getBytes(StandardCharsets.UTF_8), "RTF", "另存为");
        assertRefused("<?xml version=\"1.0\"?><?mso-application progid=\"Word.Document\"?><w:wordDocument/>".getBytes(StandardCharsets.UTF_8),
                "Word 2003 XML", "另存为");
    }

    @Test
    void shouldRefuseAWpsFileWithWhatToDo() throws IOException {
        assertRefused(ole2("WpsContent"), "WPS", "另存为");
    }

    @Test
    void shouldRefuseAnEncryptedFileSayingHowToRemoveThePassword() throws IOException {
        assertRefused(ole2("EncryptionInfo"), "密码");
    }

    @Test
    void shouldRefuseASpreadsheet() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("优势单位").createRow(0).createCell(0).setCellValue("单位名称");
            book.write(out);
        }
        assertRefused(out.toByteArray(), "Excel");
    }

    @Test
    void shouldRefuseACorruptDocWithWhatToDo() throws IOException {
        byte[] doc = Files.readAllBytes(ImportCorpusTest.CORPUS.resolve("21a-word97.doc"));
        byte[] broken = java.util.Arrays.copyOf(doc, 3000);
        assertThatThrownBy(() -> importer.read(broken)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("poi"));
    }

    private static byte[] ole2(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), entry);
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    private void assertRefused(byte[] bytes, String... words) {
        assertThatThrownBy(() -> importer.read(bytes))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400))
                .satisfies(e -> assertThat(((ApiException) e).fields()).extracting("field").containsExactly("file"))
                .satisfies(e -> assertThat(e.getMessage()).contains(words));
    }

    @Test
    void thePropertyNoticesLostDuplicatedAndInventedText() throws IOException {
        byte[] bytes = Files.readAllBytes(ImportCorpusTest.CORPUS.resolve("11-image-and-footnote.docx"));
        Preview p = importer.read(bytes);
        Map<String, Long> file = FileText.letters(FileText.ofDocx(bytes));
        assertThat(FileText.letters(FileText.ofPreview(p))).isEqualTo(file);
        var lost = new java.util.EnumMap<>(p.sections());
        lost.put(Section.COUNTY_TECHNOLOGY, "2024年规上产值86亿元，核心原料药依赖外购。");
        assertThat(FileText.letters(FileText.ofPreview(withSections(p, lost)))).isNotEqualTo(file);
        var twice = new java.util.EnumMap<>(p.sections());
        twice.put(Section.DOMESTIC_INDUSTRY, p.sections().get(Section.DOMESTIC_INDUSTRY) + "\n" + p.sections().get(Section.DOMESTIC_INDUSTRY));
        assertThat(FileText.letters(FileText.ofPreview(withSections(p, twice)))).isNotEqualTo(file);
        var marker = new java.util.EnumMap<>(p.sections());
        marker.put(Section.COUNTY_TECHNOLOGY, p.sections().get(Section.COUNTY_TECHNOLOGY) + "[1]");
        assertThat(FileText.letters(FileText.ofPreview(withSections(p, marker)))).isNotEqualTo(file);
    }

    private static Preview withSections(Preview p, Map<Section, String> sections) {
        return new Preview(sections, p.units(), p.unrecognised(), p.missingSections(), p.sourceHeadings(), p.structure(), p.notPlaced(),
                p.kindsAsWritten(), p.exhibits());
    }
}
