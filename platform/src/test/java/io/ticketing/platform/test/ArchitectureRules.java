package io.ticketing.platform.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagonal rules every service enforces (ARCHITECTURE.md, Inside a service). Call
 * {@link #checkAll(String)} with the service's base package from its {@code ArchitectureTest}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses importProduction(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** The domain speaks plain Java; the only shared vocabulary it may use is the platform's error types. */
    public static ArchRule domainDependsOnlyOnJdk(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(base + ".domain..", "java..", "io.ticketing.platform.error..",
                        "org.jspecify.annotations..")
                .as("domain depends on nothing outside the JDK");
    }

    public static ArchRule applicationDependsOnlyOnDomain(String base) {
        return noClasses().that().resideInAPackage(base + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter..", base + ".config..",
                        "io.ticketing.proto..", "jakarta.persistence..", "io.nats..", "org.springframework.web..")
                .as("application depends only on the domain (and transactions)");
    }

    public static ArchRule adaptersIndependent(String base) {
        return slices().matching(base + ".adapter.(*).(*)..").should().notDependOnEachOther()
                .as("adapters never depend on each other");
    }

    public static ArchRule noCycles(String base) {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles();
    }

    public static void checkAll(String basePackage) {
        JavaClasses classes = importProduction(basePackage);
        domainDependsOnlyOnJdk(basePackage).check(classes);
        applicationDependsOnlyOnDomain(basePackage).check(classes);
        adaptersIndependent(basePackage).check(classes);
        noCycles(basePackage).check(classes);
    }
}
