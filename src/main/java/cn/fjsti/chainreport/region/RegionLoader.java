package cn.fjsti.chainreport.region;

import jakarta.inject.Inject;
import cn.fjsti.chainreport.common.TableRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** Loads the regions CSV into an empty database; the province is data, not code. */
@ApplicationScoped
public class RegionLoader {

    private static final Logger LOG = Logger.getLogger(RegionLoader.class);
    private static final String HEADER = "code,name,level,gb_parent,review_unit,drafting";

    @Inject
    RegionSettings settings;

    @Transactional
    public void loadIfEmpty() {
        if (TableRows.count(Region.getEntityManager(), "region") > 0) {
            return;
        }
        List<Region> regions = parse(settings.resource());
        Region.persist(regions);
        LOG.infof("Loaded %d regions from %s", regions.size(), settings.resource());
    }

    static List<Region> parse(String resource) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                throw new IllegalStateException("Region reference data not found on the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = strip(reader.readLine());
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("Unexpected header in " + resource + ": " + header);
            }
            List<Region> regions = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                line = strip(line);
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != 6) {
                    throw new IllegalStateException("Expected 6 columns in " + resource + ": " + line);
                }
                regions.add(new Region(cells[0], cells[1], RegionLevel.fromCsv(cells[2]), emptyToNull(cells[3]),
                        emptyToNull(cells[4]), Boolean.parseBoolean(cells[5])));
            }
            return regions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classpath resource, or a file for {@code file:/path} (another province, or the simulator's synthetic country). */
    private static InputStream open(String resource) throws IOException {
        if (resource.startsWith("file:")) {
            return java.nio.file.Files.newInputStream(java.nio.file.Path.of(resource.substring("file:".length())));
        }
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
    }

    private static String strip(String line) {
        return line == null ? null : line.replace("\uFEFF", "").strip();
    }

    private static String emptyToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
