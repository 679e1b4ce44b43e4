package dev.stowage.b2.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import org.gaul.s3proxy.GatedS3Server;

/**
 * B2's request-level rules, applied before S3Proxy parses a request: with {@link ChecksumHeaders#REJECT}, any
 * flexible checksum header ({@code x-amz-checksum-*}, {@code x-amz-sdk-checksum-algorithm}, or a checksum announced
 * as an {@code x-amz-trailer}) is answered with 400 {@code InvalidArgument}, as B2 documents.
 */
final class B2Gate implements GatedS3Server.Gate {
    private final ChecksumHeaders checksums;

    B2Gate(ChecksumHeaders checksums) {
        this.checksums = checksums;
    }

    @Override
    public GatedS3Server.Refusal check(HttpServletRequest request, HttpServletResponse response) {
        if (checksums == ChecksumHeaders.REJECT) {
            for (String name : Collections.list(request.getHeaderNames())) {
                String lower = name.toLowerCase(Locale.ROOT);
                String value = request.getHeader(name);
                if (lower.startsWith("x-amz-checksum-") || lower.equals("x-amz-sdk-checksum-algorithm")) {
                    return unsupported(lower);
                }
                if (lower.equals("x-amz-trailer") && value != null
                        && value.toLowerCase(Locale.ROOT).contains("x-amz-checksum-")) {
                    return unsupported(value.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return null;
    }

    private static GatedS3Server.Refusal unsupported(String header) {
        return new GatedS3Server.Refusal(400, "InvalidArgument",
                "Unsupported header '" + header + "' received for this API call.");
    }
}
