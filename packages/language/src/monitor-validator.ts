/** Registers the meaning-stage checks per AST type; the checks themselves live in check-*.ts. */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { MonitorAstType, Import, Indicator } from './generated/ast.js';
import {
    checkDateLiteral, checkIndicatorProperties, checkModel, checkMonitorDecl, checkNote, checkSource,
    checkTargetProperties, report,
} from './check-structure.js';
import { checkColumnRef, checkComparison, checkMeasure } from './check-measures.js';
import { checkBreakdowns, checkCycles, checkDuplicateTargets, checkTarget } from './check-indicators.js';
import { checkDimensionMapping, checkReference, checkReferenceSeries, checkStackingMinimum, checkTransitionShare } from './check-domain.js';
import { resolveImport } from './imports.js';
import { AstUtils } from 'langium';

/** Checks that need services (the set of loaded documents). */
export class MonitorValidator {
    private hasDocument: (uri: string) => boolean = () => true;

    /** Gives the validator access to the loaded documents, to report imports that do not resolve. */
    attach(services: LangiumServices): void {
        const documents = services.shared.workspace.LangiumDocuments;
        this.hasDocument = uri => documents.all.some(d => d.uri.toString() === uri);
    }

    checkImport(node: Import, accept: ValidationAcceptor): void {
        const from = AstUtils.getDocument(node).uri;
        if (node.path && !this.hasDocument(resolveImport(from, node.path).toString())) {
            report(accept, 'error', 'unknown-import', { path: node.path }, node, 'path');
        }
    }

    checkIndicator(node: Indicator, accept: ValidationAcceptor): void {
        checkIndicatorProperties(node, accept);
        checkBreakdowns(node, accept);
        checkCycles(node, accept);
    }
}

/** Registers all checks of the meaning stage with the validation registry. */
export function registerValidationChecks(services: LangiumServices & { validation: { MonitorValidator: MonitorValidator } }): void {
    const validator = services.validation.MonitorValidator;
    validator.attach(services);
    const checks: ValidationChecks<MonitorAstType> = {
        Model: [checkModel, checkDuplicateTargets, checkReferenceSeries],
        MonitorDecl: checkMonitorDecl,
        Source: checkSource,
        Note: checkNote,
        DateLiteral: checkDateLiteral,
        Indicator: [(node, accept) => validator.checkIndicator(node, accept), checkTransitionShare],
        Import: (node, accept) => validator.checkImport(node, accept),
        Measure: [checkMeasure, checkStackingMinimum],
        DimensionMapping: checkDimensionMapping,
        Reference: checkReference,
        ColumnRef: checkColumnRef,
        Comparison: checkComparison,
        Target: [checkTargetProperties, checkTarget],
    };
    services.validation.ValidationRegistry.register(checks);
}
