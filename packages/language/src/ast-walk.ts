/**
 * Plain synchronous walks over an AST, in the order of Langium's `streamAst` and `streamReferences`.
 * Langium's own passes (linking, local symbols, the reference index) iterate a lazy stream and await a
 * cancellation check at every node: for 1,000 files that is most of their cost and much of the
 * garbage of a cold build. These walks visit the same nodes in the same order without either.
 */
import { isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

/** Calls `visit` for `node` and then, depth first, for every node it contains (as `streamAst`). */
export function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
    visit(node);
    forEachContained(node, visit);
}

/** Calls `visit` for every node `node` contains, not `node` itself (as `streamAllContents`). */
export function forEachContained(node: AstNode, visit: (node: AstNode) => void): void {
    // `for…in` visits an AST node's own properties in the order of `Object.keys`, without the array.
    for (const property in node) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) {
            forEachNode(value, visit);
        } else if (Array.isArray(value)) {
            for (const element of value) if (isAstNode(element)) forEachNode(element, visit);
        }
    }
}

/** Calls `visit` for every cross-reference `node` holds itself (as `streamReferences`). */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo) => void): void {
    for (const property in node) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => {
                if (isReference(element) || isMultiReference(element)) visit({ reference: element, container: node, property, index });
            });
        }
    }
}
