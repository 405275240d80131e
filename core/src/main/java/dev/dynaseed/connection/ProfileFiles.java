package dev.dynaseed.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The AWS config and credentials files where the SDK finds them, each parsed on its own so that a fault names its
 * file and line, and a profile's region or missing credentials are reported before any request.
 */
final class ProfileFiles {
    /** Any of these in a profile gives it credentials of some kind (keys, a role, a process, SSO). */
    private static final List<String> CREDENTIAL_PROPERTIES = List.of(
            "aws_access_key_id",
            "role_arn",
            "credential_process",
            "sso_start_url",
            "sso_session",
            "sso_account_id",
            "web_identity_token_file");

    private final Path configFile;
    private final Path credentialsFile;
    private final Optional<ProfileFile> config;
    private final Optional<ProfileFile> credentials;

    private ProfileFiles(Path configFile, Path credentialsFile) {
        this.configFile = configFile;
        this.credentialsFile = credentialsFile;
        this.config = parse(configFile, ProfileFile.Type.CONFIGURATION);
        this.credentials = parse(credentialsFile, ProfileFile.Type.CREDENTIALS);
    }

    /**
     * Both files as they are now.
     *
     * @throws TargetException when one does not parse
     */
    static ProfileFiles read() {
        return new ProfileFiles(ProfileFileLocation.configurationFilePath(), ProfileFileLocation.credentialsFilePath());
    }

    Path configFile() {
        return configFile;
    }

    Path credentialsFile() {
        return credentialsFile;
    }

    boolean exists(String profile) {
        return profile(config, profile).isPresent()
                || profile(credentials, profile).isPresent();
    }

    /** A profile with nothing that gives credentials fails at the first request: say so now. */
    void requireCredentials(String profile) {
        boolean has = CREDENTIAL_PROPERTIES.stream()
                .anyMatch(property -> property(config, profile, property).isPresent()
                        || property(credentials, profile, property).isPresent());
        if (!has) {
            Path file = profile(config, profile).isPresent() ? configFile : credentialsFile;
            throw TargetException.noProfileCredentials(profile, file, credentialsFile);
        }
    }

    /** The region a profile sets (config file first, as the SDK reads it) must be one the SDK knows. */
    void requireKnownRegion(String profile) {
        Optional<String> inConfig = property(config, profile, "region");
        Path file = inConfig.isPresent() ? configFile : credentialsFile;
        Optional<String> region = inConfig.or(() -> property(credentials, profile, "region"));
        region.filter(name -> RegionMetadata.of(Region.of(name)) == null).ifPresent(name -> {
            throw TargetException.unknownRegion(name, profile, file);
        });
    }

    private static Optional<Profile> profile(Optional<ProfileFile> file, String name) {
        return file.flatMap(f -> f.profile(name));
    }

    private static Optional<String> property(Optional<ProfileFile> file, String profile, String property) {
        return profile(file, profile).flatMap(p -> p.property(property)).filter(value -> !value.isBlank());
    }

    private static Optional<ProfileFile> parse(Path file, ProfileFile.Type type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ProfileFile parsed = ProfileFile.builder().content(file).type(type).build();
            parsed.profiles();
            return Optional.of(parsed);
        } catch (IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw TargetException.badProfileFile(file, e);
        }
    }
}
