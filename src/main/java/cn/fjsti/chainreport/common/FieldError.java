package cn.fjsti.chainreport.common;

/** One failing field of a request: its JSON path and a message in Chinese. */
public record FieldError(String field, String message) {
}
