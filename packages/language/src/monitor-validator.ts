/** Registers the meaning-stage checks per AST type; the checks themselves live in check-*.ts. */
import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { isIndicator, isModel, isMonitorDecl, isSource, type MonitorAstType, type Import, type Indicator, type Model, type MonitorDecl, type Source } from './generated/ast.js';
import {
    checkDateLiteral, checkIndicatorProperties, checkModel, checkMonitorDecl, checkNoNul, checkPlainNames, checkNote, checkSource,
    checkTargetProperties, checkDimensionName, report,
} from './check-structure.js';
import { checkColumnRef, checkComparison, checkMeasure } from './check-measures.js';
import { checkColumn } from './check-columns.js';
import { checkBreakdowns, checkCycles, checkDuplicateTargets, checkTarget } from './check-indicators.js';
import { checkDimension, checkDimensionNames, checkLevels, checkDimensionMapping, checkReference, checkReferenceSeries, checkStackingMinimum, checkTransitionShare } from './check-domain.js';
import { importClosure, importRefusal, resolveImport, type ImportRefusal } from './imports.js';
import { checkCountColumn, checkPersonLevelReads, checkPrivacy } from './check-privacy.js';
import { checkUndeclaredPersonLevel } from './check-undeclared-person-level.js';
import { checkUndeclaredCounts } from './check-undeclared-count.js';
import { checkSourceKinds } from './check-source-kinds.js';
import { AstUtils, URI } from 'langium';

/** Checks that need services (the set of loaded documents). */
export class MonitorValidator {
    private hasDocument: (uri: URI) => boolean = () => true;
    private hasHeaderInImports: (model: Model) => boolean = () => true;
    private refusal: (from: URI, path: string) => ImportRefusal | undefined = () => undefined;
    private headerInImports: (model: Model) => MonitorDecl | undefined = () => undefined;
    private importedSources: (imp: Import) => Source[] = () => [];

    /** Gives the validator access to the loaded documents, to report imports that do not resolve. */
    attach(services: LangiumServices): void {
        const documents = services.shared.workspace.LangiumDocuments;
        // Look-ups by URI, not scans of `documents.all`: a workspace of 1,000 files validates each one.
        this.hasDocument = uri => documents.hasDocument(uri);
        this.refusal = (from, path) => importRefusal(services.shared, from, path);
        this.hasHeaderInImports = model => this.headerInImports(model) !== undefined;
        this.headerInImports = model => {
            for (const uri of importClosure(AstUtils.getDocument(model).uri, documents)) {
                const root = documents.getDocument(URI.parse(uri))?.parseResult.value;
                const header = root !== undefined && isModel(root) ? root.elements.find(isMonitorDecl) : undefined;
                if (header) return header;
            }
            return undefined;
        };
        this.importedSources = imp => {
            if (imp.path === undefined) return [];
            const from = AstUtils.getDocument(imp).uri;
            return [...importClosure(resolveImport(from, imp.path), documents)].flatMap(uri => {
                const root = documents.getDocument(URI.parse(uri))?.parseResult.value;
                return root !== undefined && isModel(root) ? root.elements.filter(isSource) : [];
            });
        };
    }

    /** A monitor reads files or database tables, never both (check-source-kinds.ts). */
    checkSourceKinds(model: Model, accept: ValidationAcceptor): void {
        checkSourceKinds(model, this.importedSources, accept);
    }

    /** A file with indicators and imports needs a monitor header in itself or in a file it imports. */
    checkHeaderThroughImports(model: Model, accept: ValidationAcceptor): void {
        const firstIndicator = model.elements.find(isIndicator);
        if (model.imports.length === 0 || !firstIndicator || this.hasHeaderInImports(model)) return;
        report(accept, 'error', 'missing-monitor', {}, firstIndicator, 'name');
    }

    /** A file that reads person-level data needs privacy rules in its monitor header, and obeys them (check-privacy.ts). */
    checkPersonLevelReads(model: Model, accept: ValidationAcceptor): void {
        const own = model.elements.find(isMonitorDecl);
        // Only files that read person-level data look through their imports for the header.
        const header = () => own ?? (model.imports.length > 0 ? this.headerInImports(model) : undefined);
        checkPersonLevelReads(model, header, accept);
        checkUndeclaredPersonLevel(model, header, accept);
        checkUndeclaredCounts(model, header, accept);
    }

    checkImport(node: Import, accept: ValidationAcceptor): void {
        const from = AstUtils.getDocument(node).uri;
        if (node.path === undefined) return;
        const refused = this.refusal(from, node.path);
        if (refused) {
            report(accept, 'error', refused.code, refused.args, node, 'path');
        } else if (!this.hasDocument(resolveImport(from, node.path))) {
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
        Model: [checkModel, checkPlainNames, checkDuplicateTargets, checkReferenceSeries, checkNoNul, (node, accept) => validator.checkHeaderThroughImports(node, accept),
            (node, accept) => validator.checkPersonLevelReads(node, accept), (node, accept) => validator.checkSourceKinds(node, accept)],
        MonitorDecl: checkMonitorDecl,
        Source: checkSource,
        Privacy: checkPrivacy,
        Column: [checkColumn, checkCountColumn],
        Note: checkNote,
        DateLiteral: checkDateLiteral,
        Indicator: [(node, accept) => validator.checkIndicator(node, accept), checkTransitionShare],
        Import: (node, accept) => validator.checkImport(node, accept),
        Measure: [checkMeasure, checkStackingMinimum],
        DimensionMapping: checkDimensionMapping,
        DimensionNames: checkDimensionNames,
        Dimension: [checkDimensionName, checkDimension],
        Levels: checkLevels,
        Reference: checkReference,
        ColumnRef: checkColumnRef,
        Comparison: checkComparison,
        Target: [checkTargetProperties, checkTarget],
    };
    services.validation.ValidationRegistry.register(checks);
}
