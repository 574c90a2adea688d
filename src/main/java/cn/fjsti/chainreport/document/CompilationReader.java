package cn.fjsti.chainreport.document;

import cn.fjsti.chainreport.campaign.CampaignService;
import cn.fjsti.chainreport.chain.IndustryCategories;
import cn.fjsti.chainreport.common.ReadOnlyPersistence;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.report.Report;
import cn.fjsti.chainreport.report.ReportContent;
import cn.fjsti.chainreport.report.ReportViews;
import cn.fjsti.chainreport.report.Section;
import cn.fjsti.chainreport.submission.PackageService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Reads the sent reports into a {@link Compilation} (for {@link CompilationJobs}), and the stamp that says whether a
 * built compilation is still the current one. Neither checks who asks: the caller has the list from
 * {@link PackageService#sentReports}, which does.
 */
@ApplicationScoped
public class CompilationReader {

    /** The longest a compilation's read may take, in seconds (30 minutes). */
    static final int READ_TIMEOUT_SECONDS = 1800;

    @Inject
    Clock clock;

    private final IndustryCategories categories = IndustryCategories.load();

    /** A built compilation: the campaign's year (0 if none), when it was read (Beijing time), the items. */
    public record Compiled(int year, LocalDateTime asOf, Compilation compilation) {
        String yearText() {
            return year == 0 ? "" : year + "年度";
        }
    }

    /**
     * What the compilation is made of, as 64 hex digits: SHA-256 over each sent report's unit, id and version, in the
     * order of {@code sent} (one query of ids and versions per 500 reports, no texts). A package sent for the first
     * time or withdrawn changes it, and so does any report edited, reopened or replaced; the institute's decisions
     * and a package sent again unchanged do not, because the compilation shows only the reports' texts (accepting
     * the last packages of a national season must not read 7,000 reports again).
     */
    @Transactional
    public String stamp(Long campaignId, List<PackageService.SentReport> sent) {
        Map<Long, Long> versions = new HashMap<>();
        List<Long> ids = sent.stream().map(PackageService.SentReport::reportId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Report.getEntityManager().createQuery("select r.id, r.version from Report r where r.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(row -> versions.put((Long) row[0], ((Number) row[1]).longValue()));
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("campaign " + campaignId + "\n").getBytes(StandardCharsets.UTF_8));
            for (PackageService.SentReport s : sent) {
                digest.update((s.unit().code + " " + s.reportId() + " " + versions.get(s.reportId()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Reads the sent reports one at a time: each report's items are extracted and its text forgotten before the
     * next is loaded (issue 23: holding every report's text ran a national compilation out of a 512 MB heap).
     * {@code progress} is told the number read after each report; {@code cancelled} is asked before each (a
     * newer build has been asked for), and then {@link java.util.concurrent.CancellationException} ends the read.
     *
     * <p>One read-only transaction for the whole read, allowed {@value #READ_TIMEOUT_SECONDS} s instead of the default
     * 60 s: on the national season's database (6,968 sent reports) the read took longer than a minute on a loaded
     * machine, and the transaction manager rolled it back (issue 23: a 500 before the build moved to the background).
     */
    @Transactional
    @TransactionConfiguration(timeout = READ_TIMEOUT_SECONDS)
    public Compiled read(Long campaignId, List<PackageService.SentReport> sent, IntConsumer progress, BooleanSupplier cancelled) {
        ReadOnlyPersistence.forThisTransaction();
        int year = CampaignService.require(campaignId).year;
        Compilation.Builder builder = new Compilation.Builder(categories.categories());
        int done = 0;
        for (PackageService.SentReport s : sent) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("a newer compilation was asked for");
            }
            Report r = Report.findById(s.reportId());
            if (r != null) {
                add(builder, r, s.unit().name);
            }
            ReadOnlyPersistence.forgetLoaded();
            progress.accept(++done);
        }
        return new Compiled(year, Times.beijing(clock.instant()).toLocalDateTime(), builder.build());
    }

    /** One report's items into the builder, attributed to its county (or 市本级, or a merged report's counties). */
    protected void add(Compilation.Builder builder, Report r, String city) {
        List<Compilation.Source> sources = switch (r.kind) {
            case COUNTY -> List.of(new Compilation.Source(ReportViews.regionName(r.authorRegion), city));
            case CITY_LED -> List.of(new Compilation.Source(Compilation.CITY_OWN, city));
            case MERGED -> {
                List<String> covered = coverageNames(r);
                yield covered.isEmpty() ? List.of(new Compilation.Source(Compilation.CITY_OWN, city))
                        : covered.stream().map(n -> new Compilation.Source(n, city)).toList();
            }
        };
        ReportContent content = r.content();
        builder.add(categories.categoryOf(r.chainName), r.chainName, sources, Map.of(
                Compilation.Kind.BOTTLENECK, List.of(nz(Section.COUNTY_TECHNOLOGY.read(content)),
                        nz(Section.DOMESTIC_TECHNOLOGY.read(content))),
                Compilation.Kind.DIRECTION, List.of(nz(Section.INNOVATION_DIRECTIONS.read(content)))));
    }

    /** The counties a merged report covers, by name, without loading their texts. */
    private static List<String> coverageNames(Report merged) {
        return new ArrayList<>(Report.getEntityManager()
                .createQuery("select r.authorRegion from Report r where r.mergedInto = :id order by r.authorRegion", String.class)
                .setParameter("id", merged.id).getResultList().stream().map(ReportViews::regionName).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
