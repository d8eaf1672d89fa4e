package com.careerai.platform.storage;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files in an S3-compatible bucket through the AWS SDK for Java v2 ({@code CAREERAI_STORAGE=s3}).
 * A custom {@code S3_ENDPOINT} (MinIO, Ceph, S3Mock…) is addressed path-style; downloads go
 * straight from the bucket through presigned URLs valid for
 * {@link StorageConfiguration#getDownloadUrlValidity()}, which name the file as an attachment.
 */
@Singleton
@Requires(property = "careerai.storage.kind", value = "s3")
public class S3FileStorage implements FileStorage {
    private final String bucket;
    private final S3Client client;
    private final S3Presigner presigner;
    private final java.time.Duration validity;

    S3FileStorage(StorageConfiguration configuration) {
        if (configuration.getS3Bucket().isBlank()) {
            throw new ConfigurationException("S3_BUCKET is required when CAREERAI_STORAGE=s3");
        }
        this.bucket = configuration.getS3Bucket();
        this.validity = configuration.getDownloadUrlValidity();
        Region region = Region.of(configuration.getS3Region());
        AwsCredentialsProvider credentials = configuration.getS3AccessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(configuration.getS3AccessKey(), configuration.getS3SecretKey()));
        boolean custom = !configuration.getS3Endpoint().isBlank();
        var clientBuilder = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // S3-compatible servers differ in their support of the newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials);
        if (custom) {
            URI endpoint = URI.create(configuration.getS3Endpoint());
            clientBuilder.endpointOverride(endpoint).forcePathStyle(true);
            presignerBuilder
                    .endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .build());
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
    }

    @Override
    public String put(long universityId, String area, InputStream content, long size, String contentType) {
        String key = StorageKeys.newKey(universityId, area);
        client.putObject(
                request ->
                        request.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                RequestBody.fromInputStream(content, size));
        return key;
    }

    @Override
    public InputStream open(String key) {
        try {
            return client.getObject(request -> request.bucket(bucket).key(StorageKeys.check(key)));
        } catch (NoSuchKeyException e) {
            throw new StoredFileMissingException(key);
        }
    }

    @Override
    public void delete(String key) {
        client.deleteObject(request -> request.bucket(bucket).key(StorageKeys.check(key)));
    }

    @Override
    public Optional<URI> downloadUrl(String key, String fileName, String contentType) {
        GetObjectRequest get = GetObjectRequest.builder()
                .bucket(bucket)
                .key(StorageKeys.check(key))
                .responseContentType(contentType)
                .responseContentDisposition(ContentDisposition.attachment(fileName))
                .build();
        try {
            return Optional.of(presigner
                    .presignGetObject(
                            presign -> presign.signatureDuration(validity).getObjectRequest(get))
                    .url()
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        presigner.close();
        client.close();
    }
}
