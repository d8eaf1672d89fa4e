package com.careerai.platform.storage;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Where uploaded files are kept ({@code careerai.storage.*}): a local directory by default, or an
 * S3-compatible bucket with {@code CAREERAI_STORAGE=s3}.
 */
@ConfigurationProperties("careerai.storage")
public class StorageConfiguration {
    private String kind = "local";
    private String localDirectory = ".careerai/files";
    private String s3Endpoint = "";
    private String s3Bucket = "";
    private String s3Region = "us-east-1";
    private String s3AccessKey = "";
    private String s3SecretKey = "";
    private Duration downloadUrlValidity = Duration.ofMinutes(5);

    /** {@code local} (default) or {@code s3} ({@code CAREERAI_STORAGE}). */
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    /** The local adapter's directory, created when missing (default {@code .careerai/files}). */
    public String getLocalDirectory() {
        return localDirectory;
    }

    public void setLocalDirectory(String localDirectory) {
        this.localDirectory = localDirectory;
    }

    /** S3 endpoint for S3-compatible servers ({@code S3_ENDPOINT}); empty: AWS. Path-style when set. */
    public String getS3Endpoint() {
        return s3Endpoint;
    }

    public void setS3Endpoint(String s3Endpoint) {
        this.s3Endpoint = s3Endpoint;
    }

    /** The bucket ({@code S3_BUCKET}); required with {@code kind: s3}. */
    public String getS3Bucket() {
        return s3Bucket;
    }

    public void setS3Bucket(String s3Bucket) {
        this.s3Bucket = s3Bucket;
    }

    /** The bucket's region ({@code S3_REGION}, default {@code us-east-1}). */
    public String getS3Region() {
        return s3Region;
    }

    public void setS3Region(String s3Region) {
        this.s3Region = s3Region;
    }

    /** Access key ({@code S3_ACCESS_KEY}); empty: the SDK's default credentials chain. */
    public String getS3AccessKey() {
        return s3AccessKey;
    }

    public void setS3AccessKey(String s3AccessKey) {
        this.s3AccessKey = s3AccessKey;
    }

    /** Secret key ({@code S3_SECRET_KEY}). */
    public String getS3SecretKey() {
        return s3SecretKey;
    }

    public void setS3SecretKey(String s3SecretKey) {
        this.s3SecretKey = s3SecretKey;
    }

    /** How long a presigned download URL works (default 5 minutes). */
    public Duration getDownloadUrlValidity() {
        return downloadUrlValidity;
    }

    public void setDownloadUrlValidity(Duration downloadUrlValidity) {
        this.downloadUrlValidity = downloadUrlValidity;
    }
}
