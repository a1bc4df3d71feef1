package dev.arcrun.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access list arcrun gives its folder where there are no POSIX modes (Windows): the owner alone, with every
 * right, inherited by what is created in a folder. (Setting it runs only on a file system with access lists.)
 */
class OwnerOnlyAclTest {
    private static final UserPrincipal ADA = () -> "DESKTOP\\ada";

    @Test
    void aFolderGetsOneInheritedEntryForItsOwnerAndNoOneElse() {
        List<AclEntry> acl = OwnerOnlyAcl.entries(ADA, true);
        assertThat(acl).hasSize(1);
        AclEntry only = acl.getFirst();
        assertThat(only.type()).isEqualTo(AclEntryType.ALLOW);
        assertThat(only.principal()).isSameAs(ADA);
        assertThat(only.permissions()).containsExactlyInAnyOrder(AclEntryPermission.values());
        assertThat(only.flags()).containsExactlyInAnyOrder(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
    }

    @Test
    void aFileGetsTheOwnersEntryWithoutInheritance() {
        AclEntry only = OwnerOnlyAcl.entries(ADA, false).getFirst();
        assertThat(only.principal()).isSameAs(ADA);
        assertThat(only.permissions()).contains(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
                AclEntryPermission.READ_ACL, AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE);
        assertThat(only.flags()).isEmpty();
    }

    @Test
    void withoutAccessListsNothingIsChanged(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        boolean hasAcl = Files.getFileAttributeView(file, AclFileAttributeView.class) != null;
        assertThat(OwnerOnlyAcl.apply(file)).isEqualTo(hasAcl);
        if (hasAcl) {
            AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
            assertThat(view.getAcl()).containsExactlyElementsOf(OwnerOnlyAcl.entries(view.getOwner(), false));
        }
    }
}
