package io.jenkins.plugins.apikey.scan;

import io.jenkins.plugins.apikey.preset.KeyShape;
import io.jenkins.plugins.apikey.preset.ServicePreset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a client secret beside a client id, from a line that names one: every secret on that line,
 * and every secret set in the JSON or YAML object of that line when a setting of the object is a
 * client id (by its name or its value). An object is followed by indentation: the settings at the
 * same indentation as the line (or, for a line that opens an object, as its first child), with
 * deeper settings, blank lines and braces between them; a YAML list dash starts a new object, and
 * a shallower line or a line that is no setting ends it.
 */
final class ClientSecretRule implements ShapeRule {

    /** Lines looked at on each side of the anchored line. */
    private static final int MAX_LINES = 256;

    /** The shortest common start of the names that serves as their anchor. */
    private static final int MIN_ANCHOR = 4;

    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]");

    private final ServicePreset preset;
    private final KeyShape.ClientSecret shape;
    private final List<String> idNames;
    private final List<byte[]> lowerNames;
    private final List<String> anchors;

    ClientSecretRule(ServicePreset preset, KeyShape.ClientSecret shape) {
        this.preset = preset;
        this.shape = shape;
        this.idNames =
                shape.clientIdNames().stream().map(ClientSecretRule::normalized).toList();
        List<String> lower = shape.clientIdNames().stream()
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();
        this.lowerNames = lower.stream()
                .map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toList();
        String common = lower.stream().reduce(ClientSecretRule::commonPrefix).orElse("");
        // one anchor for all the names when they share a word (client), which also finds objects such
        // as clientCredentials: whose settings hold the id and the secret
        this.anchors = common.length() >= MIN_ANCHOR ? List.of(common) : lower;
    }

    @Override
    public ServicePreset preset() {
        return preset;
    }

    @Override
    public List<String> anchors() {
        return anchors;
    }

    @Override
    public void line(Line line, int[] hits, int count, Consumer<Candidate> found) {
        sameLine(line, found);
        SettingLine setting = SettingLine.parse(line);
        if (setting == null) {
            return;
        }
        List<Line> object = new ArrayList<>();
        List<SettingLine> settings = new ArrayList<>();
        if (setting.valueFrom() == setting.valueTo() || isOpening(line, setting)) {
            children(line, setting.indent(), object, settings);
        } else {
            siblings(line, setting, object, settings);
        }
        String clientId = null;
        boolean hasClientId = false;
        for (int i = 0; i < object.size(); i++) {
            SettingLine s = settings.get(i);
            ByteChars value = new ByteChars(object.get(i).bytes, s.valueFrom(), s.valueTo());
            if (shape.clientId().matcher(value).matches()) {
                hasClientId = true;
                clientId = clientId == null ? value.toString() : clientId;
            } else if (isClientIdName(new ByteChars(object.get(i).bytes, s.nameFrom(), s.nameTo()))) {
                hasClientId = true;
            }
        }
        if (!hasClientId) {
            return;
        }
        for (int i = 0; i < object.size(); i++) {
            SettingLine s = settings.get(i);
            Line owner = object.get(i);
            ByteChars value = new ByteChars(owner.bytes, s.valueFrom(), s.valueTo());
            if (shape.secret().matcher(value).matches()) {
                found.accept(owner.candidate(s.valueFrom(), s.valueTo(), this, "plain", value.toString(), clientId));
            }
        }
    }

    /** The settings at the indentation of {@code line}'s, before and after it, in one object. */
    private void siblings(Line line, SettingLine setting, List<Line> object, List<SettingLine> settings) {
        object.add(line);
        settings.add(setting);
        int indent = setting.indent();
        Line before = setting.item() ? null : line.previous();
        for (int n = 0; before != null && n < MAX_LINES; n++, before = before.previous()) {
            SettingLine s = SettingLine.parse(before);
            if (!(s == null ? isNeutral(before, indent) : s.indent() >= indent)) {
                break;
            }
            if (s != null && s.indent() == indent) {
                object.add(0, before);
                settings.add(0, s);
                if (s.item()) {
                    break;
                }
            }
        }
        collect(line.next(), indent, object, settings);
    }

    /** The settings of the object that {@code line} opens: those at the indentation of its first child. */
    private void children(Line line, int indent, List<Line> object, List<SettingLine> settings) {
        Line next = line.next();
        for (int n = 0; next != null && n < MAX_LINES; n++, next = next.next()) {
            SettingLine s = SettingLine.parse(next);
            if (s != null) {
                if (s.indent() > indent) {
                    collect(next, s.indent(), object, settings);
                }
                return;
            }
            if (!isNeutral(next, indent + 1)) {
                return;
            }
        }
    }

    /** Adds the settings at {@code indent} from {@code line} on, up to the end of their object. */
    private static void collect(Line line, int indent, List<Line> object, List<SettingLine> settings) {
        for (int n = 0; line != null && n < MAX_LINES; n++, line = line.next()) {
            SettingLine s = SettingLine.parse(line);
            if (s == null
                    ? !isNeutral(line, indent)
                    : s.indent() < indent || (s.item() && !object.isEmpty() && s.indent() == indent)) {
                return;
            }
            if (s != null && s.indent() == indent) {
                object.add(line);
                settings.add(s);
            }
        }
    }

    /** Whether a line that is no setting leaves an object at {@code indent} open: blank, or braces deeper in. */
    private static boolean isNeutral(Line line, int indent) {
        byte[] b = line.bytes;
        int p = Quotes.skipBlanks(b, line.from, line.to);
        for (int i = p; i < line.to; i++) {
            byte c = b[i];
            if (c != '{' && c != '}' && c != '[' && c != ']' && c != ',' && c != '\r' && !Ascii.isBlank(c)) {
                return false;
            }
        }
        return p == line.to || p - line.from >= indent;
    }

    /** Whether the setting's value opens an object or list on the next lines, as JSON does. */
    private static boolean isOpening(Line line, SettingLine setting) {
        byte last = line.bytes[setting.valueTo() - 1];
        return setting.valueTo() - setting.valueFrom() == 1 && (last == '{' || last == '[');
    }

    /** Every secret on a line that names a client id, with the client id written there, if any. */
    private void sameLine(Line line, Consumer<Candidate> found) {
        if (!namesClientId(line)) {
            return;
        }
        ByteChars text = new ByteChars(line.bytes, 0, line.to);
        String clientId = null;
        Matcher id = shape.clientId().matcher(text).region(line.from, line.to);
        while (clientId == null && id.find()) {
            if (isToken(line, id.start(), id.end())) {
                clientId = id.group();
            }
        }
        Matcher secret = shape.secret().matcher(text).region(line.from, line.to);
        while (secret.find()) {
            if (isToken(line, secret.start(), secret.end())) {
                found.accept(line.candidate(secret.start(), secret.end(), this, "plain", secret.group(), clientId));
            }
        }
    }

    /** Whether one of the client id's names is written on {@code line}, in any case. */
    private boolean namesClientId(Line line) {
        for (int i = line.from; i < line.to; i++) {
            for (byte[] name : lowerNames) {
                if (i + name.length <= line.to && Ascii.equalsLowerCase(line.bytes, i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return a.substring(0, n);
    }

    private static boolean isToken(Line line, int start, int end) {
        return (start == line.from || !Ascii.isWord(line.bytes[start - 1]))
                && (end == line.to || !Ascii.isWord(line.bytes[end]));
    }

    private boolean isClientIdName(CharSequence name) {
        String normal = normalized(name.toString());
        return idNames.stream().anyMatch(normal::endsWith);
    }

    /** A name in lower case without separators: {@code XRAY_CLIENT_ID} and {@code clientId} become alike. */
    private static String normalized(String name) {
        return SEPARATORS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
