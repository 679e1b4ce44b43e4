package dev.stowage.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import software.amazon.awssdk.core.checksums.ChecksumSpecs;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Makes bucket-configuration calls carry {@code Content-MD5} instead of {@code x-amz-checksum-*} headers.
 *
 * <p>Why: since SDK 2.30 the client adds a CRC32 header to every operation that requires a checksum
 * (PutBucketCors, PutBucketLifecycleConfiguration, PutBucketEncryption, PutPublicAccessBlock…), even with
 * {@code requestChecksumCalculation(WHEN_REQUIRED)}, and B2's S3 API rejects those headers. Those bodies are small
 * XML documents, so this interceptor hashes the body, sets {@code Content-MD5} (which every S3 service accepts for
 * these calls), and clears the resolved checksum settings before the signer would add the CRC32 header.
 */
final class ContentMd5Checksums implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ChecksumSpecs specs = attributes.getAttribute(SdkExecutionAttribute.RESOLVED_CHECKSUM_SPECS);
        if (specs == null || !specs.isRequestChecksumRequired() || context.requestBody().isEmpty()
                || context.requestBody().get().contentStreamProvider() == null) {
            return context.httpRequest();
        }
        String md5;
        try (InputStream in = context.requestBody().get().contentStreamProvider().newStream()) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            md5 = Base64.getEncoder().encodeToString(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
        attributes.putAttribute(SdkExecutionAttribute.RESOLVED_CHECKSUM_SPECS, ChecksumSpecs.builder()
                .isRequestChecksumRequired(false)
                .isRequestStreaming(specs.isRequestStreaming())
                .isValidationEnabled(specs.isValidationEnabled())
                .responseValidationAlgorithmsV2(specs.responseValidationAlgorithmsV2())
                .build());
        return context.httpRequest().toBuilder().putHeader("Content-MD5", md5).build();
    }
}
