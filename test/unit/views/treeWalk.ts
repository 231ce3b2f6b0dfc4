// Walking the Scale Sets tree model the way a user expands it, for the tree tests.
import type { ScaleSetTreeModel } from '../../../src/views/treeModel';
import type { InstanceNode, TreeNode } from '../../../src/views/treeNodes';

/** Every instance below a node, expanding zone and update-domain groups. */
export async function instancesBelow(model: ScaleSetTreeModel, node: TreeNode): Promise<InstanceNode[]> {
  const found: InstanceNode[] = [];
  for (const child of await model.getChildren(node)) {
    if (child.kind === 'instance') found.push(child);
    else if (child.kind === 'instanceGroup') found.push(...(await instancesBelow(model, child)));
  }
  return found;
}
