package org.factmark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout that STYLE.md describes, checked: features without cycles, views private to their feature. */
class ArchitectureTest {

    private static final JavaClasses FACTMARK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.factmark");

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("org.factmark.(*)..").should().beFreeOfCycles().check(FACTMARK);
    }

    @Test
    void views_are_package_private_inside_their_feature() {
        classes().that().resideInAPackage("..ui..").and().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().notBePublic()
                .check(FACTMARK);
    }

    @Test
    void every_view_states_who_may_open_it() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class)
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .check(FACTMARK);
    }

    @Test
    void only_views_and_the_main_layout_use_vaadin_components() {
        noClasses().that().resideOutsideOfPackages("..ui..").and().doNotHaveSimpleName("MainLayout")
                .and().doNotHaveSimpleName("Application")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(FACTMARK);
    }

    @Test
    void sql_stays_in_the_repositories() {
        noClasses().that().resideOutsideOfPackages("..internal..", "..common.db..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .check(FACTMARK);
    }
}
