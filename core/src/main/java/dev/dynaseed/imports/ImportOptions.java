package dev.dynaseed.imports;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values an import resolves a source's variables with; everything has a documented default, so that an import is
 * repeatable offline.
 *
 * @param parameters CloudFormation template parameters ({@code --parameter Key=Value}), over their Default
 * @param stackName the {@code AWS::StackName} pseudo parameter, also the prefix of generated table names
 * @param region the {@code AWS::Region} pseudo parameter
 * @param accountId the {@code AWS::AccountId} pseudo parameter
 * @param stage the serverless.yml stage ({@code --stage}, {@code ${sls:stage}}, {@code ${opt:stage}})
 * @param terraformCommandLine Terraform's {@code --var name=value} and {@code --var-file FILE}, in the order given:
 *     they apply after the defaults, {@code terraform.tfvars} and {@code *.auto.tfvars} found beside the
 *     configuration, a later one winning over an earlier one, as in Terraform
 * @param stageGiven whether {@code stage} was given ({@code --stage}) rather than the default, so that a given
 *     {@code dev} wins over serverless.yml's provider.stage
 * @param regionGiven whether {@code region} was given rather than the default, so that it wins over provider.region
 */
public record ImportOptions(
        Map<String, String> parameters,
        String stackName,
        String region,
        String accountId,
        String stage,
        List<TerraformVar> terraformCommandLine,
        boolean stageGiven,
        boolean regionGiven) {

    /** The stack name used when none is given. */
    public static final String DEFAULT_STACK_NAME = "dynaseed";
    /** The region used when none is given. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The account id used when none is given (AWS's documentation example account). */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";
    /** The serverless stage used when none is given, as the Serverless Framework does. */
    public static final String DEFAULT_STAGE = "dev";

    public ImportOptions {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(stage, "stage");
        terraformCommandLine = List.copyOf(terraformCommandLine);
    }

    /**
     * Options whose stage and region count as given unless they equal the defaults ({@value #DEFAULT_STAGE},
     * {@value #DEFAULT_REGION}), with Terraform's variable files before its values; use the canonical constructor
     * to say a default value was given explicitly, or to keep the command line's order of files and values.
     */
    public ImportOptions(
            Map<String, String> parameters,
            String stackName,
            String region,
            String accountId,
            String stage,
            Map<String, String> terraformVars,
            List<Path> terraformVarFiles) {
        this(
                parameters,
                stackName,
                region,
                accountId,
                stage,
                TerraformVar.filesThenValues(terraformVars, terraformVarFiles),
                !DEFAULT_STAGE.equals(stage),
                !DEFAULT_REGION.equals(region));
    }

    /** The stage when it was given ({@code --stage}), empty when {@link #stage()} is only the default. */
    public Optional<String> givenStage() {
        return stageGiven ? Optional.of(stage) : Optional.empty();
    }

    /** The region when it was given, empty when {@link #region()} is only the default. */
    public Optional<String> givenRegion() {
        return regionGiven ? Optional.of(region) : Optional.empty();
    }

    /** The defaults: no parameters or variables, stack {@value #DEFAULT_STACK_NAME}, stage {@value #DEFAULT_STAGE}. */
    public static ImportOptions defaults() {
        return new ImportOptions(
                Map.of(),
                DEFAULT_STACK_NAME,
                DEFAULT_REGION,
                DEFAULT_ACCOUNT_ID,
                DEFAULT_STAGE,
                List.of(),
                false,
                false);
    }
}
