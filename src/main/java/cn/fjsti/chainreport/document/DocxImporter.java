package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.report.Exhibit;
import cn.fjsti.chainreport.report.ExhibitImages;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.report.UnitKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads a report written in Word or WPS along the notice's outline and answers a preview: which text goes to which
 * section (and from which heading), the units table, and what could not be placed, with where it was. Reads .docx
 * (also Strict Open XML) and Word 97-2003 .doc; refuses other formats (.wps, PDF, RTF or web pages saved as .doc)
 * with what to do, and refuses oversize files, zip bombs and XML with a DOCTYPE (external entities).
 */
public final class DocxImporter {

    /**
     * What was recognised; nothing is saved until the author confirms (the apply step). Every piece of
     * text of the file is in exactly one of: {@code sections}, {@code units}, {@code structure} (headings, table
     * header, 序号, captions), the rows of {@code exhibits}, {@code notPlaced}; {@code kindsAsWritten} holds the 类型 cell text of each unit as written (null
     * where the cell was merged from the row above).
     */
    public record Preview(Map<Section, String> sections, List<Unit> units, List<String> unrecognised,
                          List<String> missingSections, Map<Section, String> sourceHeadings, List<Structure> structure,
                          List<NotPlaced> notPlaced, List<String> kindsAsWritten, List<Inset> exhibits) {
    }

    /**
     * A table or picture standing inside a section, to be placed there as an exhibit: after the first
     * {@code afterLine} lines of the section's previewed text ({@code ExhibitMarkers.insert}). A table has
     * {@code rows} (the header first, within the editor's limits); a picture has its {@code image} (PNG or JPEG by
     * content, checked as the editor checks an upload) or, when that check fails, a {@code problem} saying why (the
     * import is then refused on apply). {@code caption}: from a "表N …" line above the table, a "图N …" line below or
     * above the picture (the number dropped: the document numbers them; {@code captionFound}), else the picture's
     * alternative text, else a placeholder to fill in (both with {@code captionFound} false).
     */
    public record Inset(Exhibit.Kind kind, Section section, int afterLine, String caption,
                        boolean captionFound, List<List<String>> rows, byte[] image,
                        ExhibitImages.Checked checked, String problem, String where) {
    }

    /** A recognised units-table row. */
    public record Unit(String name, UnitKind kind, String strength, String contact) {
    }

    /** A line taken as the outline itself (title, part or section heading, units-table header, 序号) and as what. */
    public record Structure(String text, String as) {
    }

    /** Text (or an image) the import did not place, with where it was in the file. */
    public record NotPlaced(String kind, String text, String where) {
    }

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    static final String SAVE_AS_DOCX = "请在 Word 中打开该文件，点“文件”→“另存为”，保存类型选“Word 文档 (*.docx)”，再上传新文件";

    static {
        // Refuse archives whose entries expand more than 100 times, or beyond the guard's bounds.
        DocxPackageGuard.configurePoi();
    }

    private final long maxBytes;

    public DocxImporter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public Preview read(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "文件过大", "文件超过 " + (maxBytes / 1024 / 1024) + " MB，请压缩图片或删去附件后再上传",
                    List.of(), Map.of());
        }
        if (startsWith(bytes, ZIP_MAGIC)) {
            return readOoxml(bytes);
        }
        if (startsWith(bytes, OLE2_MAGIC)) {
            return readOle2(bytes);
        }
        throw unreadable(notWord(bytes));
    }

    private static Preview readOoxml(byte[] bytes) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            String main = mainPartName(pkg);
            if (main.startsWith("/xl/")) {
                throw unreadable("这是 Excel 表格，不是 Word 文档。请上传按提纲编写的 Word 文档（.docx）");
            }
            if (main.startsWith("/ppt/")) {
                throw unreadable("这是 PowerPoint 演示文稿，不是 Word 文档。请上传按提纲编写的 Word 文档（.docx）");
            }
            return OutlineRecogniser.recognise(OoxmlReader.read(pkg));
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw refusal(e, "无法读取该文件，请上传按提纲编写的 Word 文档（.docx）。如文件能在 Word 中打开，" + SAVE_AS_DOCX);
        }
    }

    private static String mainPartName(OPCPackage pkg) {
        for (var rel : pkg.getRelationships()) {
            if (rel.getRelationshipType().endsWith("/officeDocument")) {
                return rel.getTargetURI().toString().startsWith("/") ? rel.getTargetURI().toString() : "/" + rel.getTargetURI();
            }
        }
        return "";
    }

    private static Preview readOle2(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
                throw unreadable("文件设有打开密码，无法读取。请在 Word 中取消密码（“文件”→“信息”→“保护文档”），保存后再上传");
            }
            if (!root.hasEntryCaseInsensitive("WordDocument")) {
                if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                    throw unreadable("这是 Excel 表格，不是 Word 文档。请上传按提纲编写的 Word 文档（.docx）");
                }
                throw unreadable("无法识别的文档格式（可能是 WPS 文字 .wps 或其他软件的文件）。请在 WPS 或 Word 中打开，"
                        + "“另存为”“Word 文档 (*.docx)”后再上传");
            }
            return OutlineRecogniser.recognise(Word97Reader.read(fs));
        } catch (ApiException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw refusal(e, "无法读取该 Word 97-2003 文档（.doc）。" + SAVE_AS_DOCX);
        }
    }

    private static ApiException refusal(Throwable e, String otherwise) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Zip bomb") || message.contains("inflate") || message.contains("exceeds the max")) {
            return unreadable("文件内容异常（解压后过大），已拒绝");
        }
        if (message.toUpperCase(Locale.ROOT).contains("DOCTYPE") || message.contains("entity")) {
            return unreadable("文件含有不允许的 XML 声明（DOCTYPE/外部实体），已拒绝");
        }
        return unreadable(otherwise);
    }

    /** Why a file that is neither a zip nor an OLE2 compound file is not Word, and what to do. */
    private static String notWord(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).stripLeading();
        if (head.startsWith("\u00EF\u00BB\u00BF")) {
            head = head.substring(3).stripLeading();
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("%pdf")) {
            return "这是 PDF 文件，无法按提纲识别章节。请上传 Word 原稿（.docx）；如只有 PDF，请用 Word 或 WPS 打开后“另存为”“Word 文档 (*.docx)”，核对后再上传";
        }
        if (lower.startsWith("{\\rtf")) {
            return "这是 RTF 格式的文件（扩展名可能是 .doc）。" + SAVE_AS_DOCX;
        }
        if (lower.contains("mso-application") || lower.contains("w:worddocument")) {
            return "这是 Word 2003 XML 格式的文件。" + SAVE_AS_DOCX;
        }
        if (lower.startsWith("<") || lower.startsWith("mime-version") || lower.contains("<html")) {
            return "这是网页（HTML/MHT）格式另存的文件，扩展名虽是 .doc，但不是 Word 文档。" + SAVE_AS_DOCX;
        }
        return "这不是 Word 文档（.docx 或 .doc）。如是 WPS 格式，请先“另存为”“Word 文档 (*.docx)”再上传";
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
    }

    private static ApiException unreadable(String detail) {
        return ApiException.badField("file", detail);
    }

    /** Full-width to half-width, no spaces, no invisible characters: headings match however they were typed. */
    static String normalise(String text) {
        return OutlineRecogniser.key(text);
    }
}
