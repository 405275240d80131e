package dev.dynaseed.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Terraform variable option from the command line: a value ({@code --var name=value}) or a variable file
 * ({@code --var-file FILE}). As in Terraform, they apply in the order given, after {@code terraform.tfvars} and
 * {@code *.auto.tfvars}, and a later one wins over an earlier one for the same variable.
 */
public sealed interface TerraformVar permits TerraformVar.Value, TerraformVar.File {

    /** Every file, then every value: the order when all {@code --var-file} options come before the {@code --var}. */
    static List<TerraformVar> filesThenValues(Map<String, String> values, List<Path> files) {
        List<TerraformVar> options = new ArrayList<>();
        files.forEach(file -> options.add(new File(file)));
        values.forEach((name, text) -> options.add(new Value(name, text)));
        return options;
    }

    /** {@code --var name=text}: the text is the value of a string, number or bool variable, HCL for others. */
    record Value(String name, String text) implements TerraformVar {
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code --var-file path}: a {@code .tfvars} (HCL) or {@code .tfvars.json} file. */
    record File(Path path) implements TerraformVar {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }
}
