package dev.arcrun.core.cloudflare;

import dev.arcrun.core.Failure;

import dev.arcrun.core.Advice;

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
            throw new UserFacingException(Failure.of(Failure.Code.TOKEN_MISSING),
                    Advice.of(Advice.Code.GIVE_TOKEN, ENV, TokenTemplate.creationUrl(PermissionGroup.REQUIRED)));
        }
        try {
            return ApiToken.of(fromEnv.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(Failure.of(Failure.Code.TOKEN_UNUSABLE_ENV, ENV, e.getMessage()),
                    Advice.of(Advice.Code.TOKEN_RECOPY));
        }
    }

    static ApiToken fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(Failure.of(Failure.Code.TOKEN_FILE_MISSING, file), Advice.of(Advice.Code.TOKEN_FILE_PATH));
        } catch (IOException e) {
            throw new UserFacingException(Failure.of(Failure.Code.TOKEN_FILE_UNREADABLE, file, e.getClass().getSimpleName()),
                    Advice.of(Advice.Code.TOKEN_FILE_PERMISSIONS));
        }
        try {
            return ApiToken.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(Failure.of(Failure.Code.TOKEN_FILE_UNUSABLE, file, e.getMessage()),
                    Advice.of(Advice.Code.TOKEN_FILE_ONE_LINE));
        }
    }
}
