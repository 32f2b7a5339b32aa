package io.jixiao.api.rectification;

import io.jixiao.api.model.Violations;
import java.util.regex.Pattern;

/**
 * The person answerable for a project's or case's performance 项目责任人. Never shown to PUBLIC and never disclosed.
 *
 * @param name the person's name, 1–64 characters
 * @param account the person's account in the host platform, 1–64 characters
 * @param phone a phone number (digits, spaces, {@code +} and {@code -}, 5–20 characters), or {@code null}
 */
public record Responsible(String name, String account, String phone) {
    private static final Pattern PHONE = Pattern.compile("[0-9+ -]{5,20}");

    public Responsible {
        Violations v = new Violations();
        check(v, name, account, phone);
        v.throwIfAny();
        phone = phone == null || phone.isBlank() ? null : phone;
    }

    /**
     * The responsible person from the fields of a remote request ({@code NAME}, {@code ACCOUNT}, {@code PHONE}).
     *
     * @param v collects every broken rule, named from the part's prefix
     * @return the person, or {@code null} if a rule was broken
     */
    public static Responsible from(Violations v, String name, String account, String phone) {
        int before = v.count();
        check(v, name, account, phone);
        return v.count() > before ? null : new Responsible(name, account, phone);
    }

    private static void check(Violations v, String name, String account, String phone) {
        v.text("NAME", name, 64, true);
        if (name != null && name.isBlank()) {
            v.add("NAME", "required", "must not be blank");
        }
        v.text("ACCOUNT", account, 64, true);
        if (account != null && account.isBlank()) {
            v.add("ACCOUNT", "required", "must not be blank");
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches()) {
            v.add("PHONE", "pattern", "5 to 20 digits, spaces, + or -");
        }
    }
}
