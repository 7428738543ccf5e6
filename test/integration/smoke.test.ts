import * as assert from 'node:assert';
import * as vscode from 'vscode';
import manifest from '../../package.json';

const extensionId = `${manifest.publisher}.${manifest.name}`;

describe('Mentoring Notes in VS Code', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'expected exactly one workspace folder');
    assert.strictEqual(folders[0].name, 'workspace');
  });

  it('finds the fixture notes through the workspace search', async () => {
    const notes = await vscode.workspace.findFiles('**/*.md');
    const paths = notes.map((uri) => vscode.workspace.asRelativePath(uri)).sort();
    assert.ok(paths.includes('sessions/2026-11-21.md'), `found: ${paths.join(', ')}`);
    assert.ok(paths.includes('mentors/alex-rivera.md'), `found: ${paths.join(', ')}`);
  });
});
