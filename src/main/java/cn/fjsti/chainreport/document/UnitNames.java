package cn.fjsti.chainreport.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The reporting units' full names (厦门市科学技术局) from {@code report-templates/unit-names.properties}. */
public final class UnitNames {

    public static final String RESOURCE = "report-templates/unit-names.properties";

    private final Properties names = new Properties();

    private UnitNames() {
    }

    /** The names shipped with the service, or those of {@code file} when given. */
    public static UnitNames load(Optional<Path> file) {
        UnitNames unitNames = new UnitNames();
        try (InputStream in = file.isPresent() ? Files.newInputStream(file.get())
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                unitNames.names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unitNames;
    }

    /** The unit's full name, or its region's name when the file does not list it. */
    public String fullName(String regionCode, String regionName) {
        String name = regionCode == null ? null : names.getProperty(regionCode);
        return name == null || name.isBlank() ? regionName : name.strip();
    }
}
