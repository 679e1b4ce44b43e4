package dev.stowage.setup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an S3 plan read and what applying it sends; a null or false setting means "leave as is".
 *
 * @param create whether the bucket must be created
 * @param type the ACL to set, or null
 * @param encryption the default encryption to set, or null
 * @param ownership whether to set object ownership to "bucket owner preferred"
 * @param openPublicAcls whether to stop blocking public ACLs
 * @param corsRules the complete CORS list to send (empty: delete the configuration), or null
 * @param lifecycleRules the complete lifecycle list to send (empty: delete it), or null
 */
record S3Draft(
    boolean create,
    @Nullable BucketType type,
    @Nullable Encryption encryption,
    boolean ownership,
    boolean openPublicAcls,
    @Nullable List<CorsRule> corsRules,
    @Nullable List<LifecycleRule> lifecycleRules) {}
