package dev.dynaseed.cli.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {
    @TempDir
    Path home;

    @Test
    void fromASubfolder_findsTheProjectsDataFolder() throws Exception {
        Path project = home.resolve("project");
        Files.createDirectories(project.resolve(".dynaseed"));
        Path deeper = Files.createDirectories(project.resolve("src").resolve("deeper"));

        assertThat(DataFolder.find(deeper, home))
                .isEqualTo(project.resolve(".dynaseed").resolve("data"));
        assertThat(DataFolder.find(project, home))
                .isEqualTo(project.resolve(".dynaseed").resolve("data"));
    }

    @Test
    void withNoDynaseedFolderAbove_usesTheCurrentFolder() throws Exception {
        Path elsewhere = Files.createDirectories(home.resolve("a").resolve("b"));

        assertThat(DataFolder.find(elsewhere, home))
                .isEqualTo(elsewhere.resolve(".dynaseed").resolve("data"));
    }

    @Test
    void theHomeFoldersDynaseedFolder_isUsedOnlyFromTheHomeFolder() throws Exception {
        Files.createDirectories(home.resolve(".dynaseed"));
        Path project = Files.createDirectories(home.resolve("project"));

        assertThat(DataFolder.find(project, home))
                .isEqualTo(project.resolve(".dynaseed").resolve("data"));
        assertThat(DataFolder.find(home, home))
                .isEqualTo(home.resolve(".dynaseed").resolve("data"));
    }
}
