package dev.arcrun.core.cloudflare;

import dev.arcrun.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the token comes from: a token file ({@code --token-file}, wins because it is explicit) or the environment
 * variable {@value #ENV}. Never from a command-line value: those end up in shell history and process lists.
 */
public final class TokenSource {

    public static final String ENV = "CLOUDFLARE_API_TOKEN";

    private TokenSource() {}

    public static ApiToken resolve(Optional<Path> tokenFile, Map<String, String> env) {
        if (tokenFile.isPresent()) {
            return fromFile(tokenFile.get());
        }
        String fromEnv = env.get(ENV);
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new UserFacingException("No Cloudflare API token was given.",
                    "Set " + ENV + " or pass --token-file FILE (a file holding only the token). Create a token at "
                            + TokenTemplate.creationUrl(PermissionGroup.REQUIRED) + " .");
        }
        try {
            return ApiToken.of(fromEnv.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("The token in " + ENV + " is not usable: " + e.getMessage() + ".",
                    "Copy the token again from Cloudflare's API Tokens page.");
        }
    }

    static ApiToken fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("The token file " + file + " does not exist.",
                    "Check the path given to --token-file.");
        } catch (IOException e) {
            throw new UserFacingException("The token file " + file + " could not be read (" + e.getClass()
                    .getSimpleName() + ").", "Check the file's permissions.");
        }
        try {
            return ApiToken.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("The token file " + file + " does not hold a usable token: "
                    + e.getMessage() + ".", "Put only the token in the file, on one line.");
        }
    }
}
