package dev.arcrun.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Owner-only access where the file system has ACLs instead of POSIX modes (Windows, NTFS): the file's access list
 * becomes one entry, the owner's, with every right; a folder's entry is inherited by what is created in it. The
 * entries of the parent folder (Users, Everyone, …) are not kept.
 */
final class OwnerOnlyAcl {
    private OwnerOnlyAcl() {}

    /** The access list of an owner-only file or folder. */
    static List<AclEntry> entries(UserPrincipal owner, boolean directory) {
        Set<AclEntryFlag> flags = directory ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                : EnumSet.noneOf(AclEntryFlag.class);
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(flags)
                .build());
    }

    /**
     * Makes {@code path} owner-only when its file system supports ACLs.
     *
     * @return false when it does not (nothing was changed)
     */
    static boolean apply(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return false;
        }
        List<AclEntry> want = entries(view.getOwner(), Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
        if (!view.getAcl().equals(want)) {
            view.setAcl(want);
        }
        return true;
    }
}
