package io.jixiao.api.port;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash of a write-back change: SHA-256 over what the change does, in one canonical text. */
final class ContentHash {
    private ContentHash() {
    }

    /**
     * @return 64 lower-case hex digits of SHA-256 over the UTF-8 lines {@code changeId}, {@code subject},
     *         {@code action}, {@code cutPercent} and {@code change} (both plain, two decimals), each ended by '\n'
     */
    static String of(String changeId, String subject, String action, BigDecimal cutPercent, BigDecimal change) {
        String text = changeId + '\n' + subject + '\n' + action + '\n' + plain(cutPercent) + '\n' + plain(change)
                + '\n';
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
