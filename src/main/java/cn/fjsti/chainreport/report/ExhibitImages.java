package cn.fjsti.chainreport.report;

import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.FieldError;
import cn.fjsti.chainreport.common.Limits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The rule for a figure's file. Its type is read from its first bytes (a PNG or JPEG signature), never from its
 * name or the declared content type; its pixel size from its header by an ImageIO reader, without decoding the
 * bitmap, so a small file that would decode to a huge bitmap is refused before anything holds it. Refusals
 * (nothing is written): 400 empty or unreadable, 413 over {@link Limits#IMAGE_BYTES} or over
 * {@link Limits#IMAGE_SIDE} pixels a side or {@link Limits#IMAGE_PIXELS} pixels, 415 not PNG or JPEG; each with a
 * Chinese message saying what to do.
 */
public final class ExhibitImages {

    /** PNG or JPEG bytes that passed, with their media type and pixel size. */
    public record Checked(byte[] bytes, String mediaType, int width, int height) {
    }

    private ExhibitImages() {
    }

    public static Checked check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw refuse(400, "图片有误", "没有收到图片内容，请重新选择图片文件");
        }
        if (bytes.length > Limits.IMAGE_BYTES) {
            throw refuse(413, "图片过大", "图片超过 " + Limits.IMAGE_BYTES / 1024 / 1024 + " MB（收到 "
                    + String.format("%.1f", bytes.length / 1024.0 / 1024.0) + " MB），请压缩或截图后再上传");
        }
        String format = signature(bytes);
        if (format == null) {
            throw refuse(415, "图片格式不受支持", "只能上传 PNG 或 JPEG 图片；这个文件" + whatItIs(bytes)
                    + "。请在画图或截图工具中另存为 PNG 或 JPEG 后再上传");
        }
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw refuse(400, "图片有误", "图片文件已损坏，无法读取其尺寸，请重新导出后再上传");
        }
        if (width <= 0 || height <= 0) {
            throw refuse(400, "图片有误", "图片的尺寸不正确（" + width + "×" + height + " 像素），请重新导出后再上传");
        }
        if (width > Limits.IMAGE_SIDE || height > Limits.IMAGE_SIDE || (long) width * height > Limits.IMAGE_PIXELS) {
            throw refuse(413, "图片尺寸过大", "图片为 " + width + "×" + height + " 像素，超过每边 " + Limits.IMAGE_SIDE
                    + " 像素或共 " + Limits.IMAGE_PIXELS / 1_000_000 + " 百万像素的上限，请缩小后再上传");
        }
        return new Checked(bytes, format.equals("png") ? "image/png" : "image/jpeg", width, height);
    }

    private static String signature(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        return null;
    }

    private static String whatItIs(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 16), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.startsWith("GIF8")) {
            return "是 GIF 图片";
        }
        if (head.startsWith("BM")) {
            return "是 BMP 图片";
        }
        if (head.startsWith("RIFF") && head.length() >= 12 && head.startsWith("WEBP", 8)) {
            return "是 WebP 图片";
        }
        if (head.startsWith("%PDF")) {
            return "是 PDF 文件";
        }
        if (head.startsWith("PK")) {
            return "是压缩包或 Office 文件";
        }
        if (head.stripLeading().startsWith("<")) {
            return "是 SVG 或网页文件";
        }
        return "不是可识别的图片";
    }

    private static ApiException refuse(int status, String title, String detail) {
        return new ApiException(status, title, detail, List.of(new FieldError("image", detail)), Map.of());
    }
}
