package cn.fjsti.chainreport.common;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Numbers and yes/no in the query string, read strictly: {@code ?campaignId=abc}, a page number beyond int or
 * {@code ?unreadOnly=maybe} is 400 naming the parameter in Chinese. JAX-RS answers a query parameter it cannot
 * convert with 404 (the address "does not exist") and reads any word but "true" as false; both hid a typo.
 * Path parameters keep JAX-RS's 404: {@code /api/reports/abc} is an address nothing serves. The refusal
 * reaches {@link ProblemMapper} as the cause of the JAX-RS exception.
 */
@Provider
public class StrictQueryParams implements ParamConverterProvider {

    private static final int SHOWN = 20;

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(name, Long::parseLong, "整数", rawType.isPrimitive() ? 0L : null);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(name, Integer::parseInt, "整数", rawType.isPrimitive() ? 0 : null);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, StrictQueryParams::yesNo, " true 或 false",
                    rawType.isPrimitive() ? Boolean.FALSE : null);
        }
        return null;
    }

    private static Boolean yesNo(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            // JAX-RS hands an absent primitive boolean over as "0".
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    return q.value();
                }
            }
        }
        return null;
    }

    private interface Parse<T> {
        T parse(String raw);
    }

    /** {@code absent}: what an empty parameter means (null, or the primitive's zero as JAX-RS gives it). */
    private record Strict<T>(String name, Parse<T> parse, String expected, T absent) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isBlank()) {
                return absent;
            }
            String raw = value.strip();
            try {
                return parse.parse(raw);
            } catch (RuntimeException e) {
                String shown = raw.codePointCount(0, raw.length()) > SHOWN
                        ? raw.substring(0, raw.offsetByCodePoints(0, SHOWN)) + "…" : raw;
                throw ApiException.badField(name, "参数 " + name + " 应为" + expected + "（收到“" + shown + "”）");
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
