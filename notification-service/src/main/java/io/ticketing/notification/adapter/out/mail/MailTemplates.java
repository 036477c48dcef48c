package io.ticketing.notification.adapter.out.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain-text and HTML e-mail templates ({@code classpath:mail/notification.*}) with {@code {{name}}}
 * placeholders. Values are inserted once, never re-read as template text; the HTML version escapes them.
 */
final class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final String text;
    private final String html;

    private MailTemplates(String text, String html) {
        this.text = text;
        this.html = html;
    }

    static MailTemplates load() {
        return new MailTemplates(read("mail/notification.txt"), read("mail/notification.html"));
    }

    String text(Map<String, String> values) {
        return render(text, values, false);
    }

    String html(Map<String, String> values) {
        return render(html, values, true);
    }

    private static String render(String template, Map<String, String> values, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for placeholder " + matcher.group(1));
            }
            String rendered = html ? HtmlUtils.htmlEscape(value).replace("\n", "<br>\n") : value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Mail template " + path + " missing", e);
        }
    }
}
