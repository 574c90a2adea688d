package cn.fjsti.chainreport.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A data table or a figure of one report, placed in a section by a marker line ({@link ExhibitMarkers}).
 * Never changed once written: editing a table writes a new exhibit and replaces the marker, so a frozen
 * revision's markers always show what was submitted and the history can say which table or figure changed
 * ({@link #replaces}). Tables are rows of cells (the first row is the header), figures PNG or JPEG bytes with
 * their pixel size.
 */
@Entity
public class Exhibit extends PanacheEntityBase {

    /** A table (表) or a figure (图). */
    public enum Kind {
        TABLE("表"), FIGURE("图");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** 表 or 图: the marker's and the caption's word. */
        public String label() {
            return label;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id")
    public Long reportId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The section it was placed in (its marker may since have moved). */
    @Enumerated(EnumType.STRING)
    public Section section;

    public String caption;

    @Column(name = "cells")
    String cellsJson;

    @Column(name = "media_type")
    public String mediaType;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "image")
    byte[] image;

    @Column(name = "pixel_width")
    public Integer pixelWidth;

    @Column(name = "pixel_height")
    public Integer pixelHeight;

    /** SHA-256 of the caption and the cells or image: the same content twice has the same hash. */
    @Column(name = "content_hash")
    public String contentHash;

    /** The exhibit this one replaced when a table or figure was edited, or the one it was copied from (a merge, 复制上年报告). */
    public Long replaces;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    protected Exhibit() {
    }

    private Exhibit(Long reportId, Kind kind, Section section, String caption, String actor, Instant now) {
        this.reportId = reportId;
        this.kind = kind;
        this.section = section;
        this.caption = caption;
        this.createdBy = actor;
        this.createdAt = now;
    }

    /** A table; {@code rows} already checked (first row the header, all rows as wide). */
    public static Exhibit table(Long reportId, Section section, String caption, List<List<String>> rows, String actor, Instant now) {
        Exhibit e = new Exhibit(reportId, Kind.TABLE, section, caption, actor, now);
        try {
            e.cellsJson = JSON.writeValueAsString(rows);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        e.contentHash = hash(caption, e.cellsJson.getBytes(StandardCharsets.UTF_8));
        return e;
    }

    /** A figure; {@code image} already checked by {@link ExhibitImages#check}. */
    public static Exhibit figure(Long reportId, Section section, String caption, ExhibitImages.Checked image, String actor, Instant now) {
        Exhibit e = new Exhibit(reportId, Kind.FIGURE, section, caption, actor, now);
        e.image = image.bytes();
        e.mediaType = image.mediaType();
        e.pixelWidth = image.width();
        e.pixelHeight = image.height();
        e.contentHash = hash(caption, e.image);
        return e;
    }

    /** The same content for another report (a merge, 复制上年报告), remembering where it came from. */
    public Exhibit copyFor(Long otherReportId, String actor, Instant now) {
        Exhibit e = new Exhibit(otherReportId, kind, section, caption, actor, now);
        e.cellsJson = cellsJson;
        e.image = image;
        e.mediaType = mediaType;
        e.pixelWidth = pixelWidth;
        e.pixelHeight = pixelHeight;
        e.contentHash = contentHash;
        e.replaces = id;
        return e;
    }

    /** A table's rows, the header first; empty for a figure. */
    public List<List<String>> rows() {
        if (cellsJson == null) {
            return List.of();
        }
        try {
            return JSON.readValue(cellsJson, new TypeReference<List<List<String>>>() { });
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("表格 " + id + " 的内容无法读取", ex);
        }
    }

    /** A figure's bytes; empty for a table. */
    public byte[] image() {
        return image == null ? new byte[0] : image;
    }

    /** The marker line that places it. */
    public String marker() {
        return ExhibitMarkers.marker(kind, id);
    }

    /** The exhibits of a report among {@code ids}, by id (others' exhibits are left out). */
    public static Map<Long, Exhibit> ofReport(Long reportId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Exhibit> found = list("reportId = ?1 and id in ?2", reportId, new ArrayList<>(ids));
        return found.stream().collect(Collectors.toMap(e -> e.id, Function.identity()));
    }

    private static String hash(String caption, byte[] content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(caption.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
