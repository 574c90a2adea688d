package cn.fjsti.chainreport.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Word files as clerks write them, built with POI, and the pictures in them. */
public final class WordFiles {

    /** The statistics table of {@link #reportWithTableAndPicture} in 一.1, its header first. */
    public static final List<List<String>> STATS = List.of(List.of("指标", "单位", "2023年", "2024年"),
            List.of("规上工业产值", "亿元", "78", "86"), List.of("规上企业数", "家", "41", "47"));

    private WordFiles() {
    }

    /**
     * A report as a clerk writes it in Word: in 一.1 a 表1 line, the statistics table, a picture with 图1 below it; in
     * 一.2 an EMF drawing ({@code emf}, if given); in 二.1 a table without a caption; the units table under 三.3.
     */
    public static byte[] reportWithTableAndPicture(byte[] picture, byte[] emf, boolean tooLong) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            para(doc, "海沧区县域重点产业创新链调研报告");
            para(doc, "一、海沧区生物医药县域重点产业发展现状");
            para(doc, "1.产业现状");
            para(doc, "海沧区生物医药产业规模逐年扩大。" + (tooLong ? "长".repeat(20_000) : ""));
            para(doc, "表1 海沧区生物医药主要指标");
            table(doc, STATS);
            para(doc, "近两年主要指标稳步增长。");
            XWPFParagraph p = doc.createParagraph();
            p.createRun().addPicture(new ByteArrayInputStream(picture), Document.PICTURE_TYPE_PNG, "chain.png", Units.toEMU(200), Units.toEMU(120));
            para(doc, "图1 海沧区生物医药产业创新链图谱");
            para(doc, "链上企业分布如上图。");
            para(doc, "2.产业技术发展现状、技术瓶颈");
            para(doc, "核心原料药依赖外购。");
            if (emf != null) {
                byte[] header = new byte[64];
                System.arraycopy(emf, 0, header, 0, emf.length);
                System.arraycopy(" EMF".getBytes(), 0, header, 40, 4);
                doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(header), Document.PICTURE_TYPE_EMF, "drawing.emf",
                        Units.toEMU(100), Units.toEMU(60));
            }
            para(doc, "二、生物医药重点产业国内产业发展现状");
            para(doc, "1.产业现状");
            para(doc, "国内生物医药产业保持两位数增长。");
            table(doc, List.of(List.of("年份", "市场规模（亿元）"), List.of("2024", "40000")));
            para(doc, "2.产业技术发展现状、技术瓶颈");
            para(doc, "高端制剂与生物药工艺仍是瓶颈。");
            para(doc, "3.产业技术发展趋势（方向）");
            para(doc, "细胞与基因治疗、合成生物学。");
            para(doc, "三、海沧区生物医药县域重点产业发展对策建议");
            para(doc, "1.产业对策建议");
            para(doc, "建设专业园区，引育龙头企业。");
            para(doc, "2.产业科技创新对策建议及技术攻关方向");
            para(doc, "攻关抗体药物连续化生产技术。");
            para(doc, "3.生物医药重点产业科技创新优势单位（团队）");
            table(doc, List.of(List.of("序号", "单位（团队）名称", "类型", "研究领域及优势", "联系方式"),
                    List.of("1", "福建医科大学", "高校", "创新药物研发", "0591-0000000"), List.of("2", "某某生物制药有限公司", "企业", "生物制品", "李工")));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void para(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<List<String>> rows) {
        XWPFTable t = doc.createTable(rows.size(), rows.get(0).size());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                t.getRow(r).getCell(c).setText(rows.get(r).get(c));
            }
        }
    }

    /** A coloured test image as PNG (two bars, like a small chart), the same bytes every time. */
    public static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1F4E79));
        g.fillRect(width / 10, height / 4, width / 3, height / 2);
        g.setColor(new Color(0xC00000));
        g.fillRect(width / 2, height / 4, width / 3, height / 2);
        g.dispose();
        return write(image);
    }

    public static byte[] binaryPng(int width, int height) {
        return write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY));
    }

    private static byte[] write(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
