import { Text } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { IconTablePlus } from '@tabler/icons-react';
import { useEffect } from 'react';

interface Props {
  label: string;
  value: string;
  onChange(html: string): void;
  placeholder?: string;
  minHeight?: number;
  /** Shown but not editable, without the toolbar (approved minutes). */
  readOnly?: boolean;
}

/** Labels of the toolbar, in Danish (the editor's own defaults are English). */
const LABELS = {
  boldControlLabel: 'Fed',
  italicControlLabel: 'Kursiv',
  underlineControlLabel: 'Understreget',
  h3ControlLabel: 'Overskrift',
  bulletListControlLabel: 'Punktopstilling',
  orderedListControlLabel: 'Nummereret liste',
  linkControlLabel: 'Link',
  unlinkControlLabel: 'Fjern link',
  linkEditorInputLabel: 'Adresse',
  linkEditorInputPlaceholder: 'https://…',
  linkEditorSave: 'Gem',
  undoControlLabel: 'Fortryd',
  redoControlLabel: 'Annuller fortryd',
};

/** A locked text reads as such: grey, without the toolbar. */
const READ_ONLY_STYLES = { root: { backgroundColor: 'var(--mantine-color-gray-0)' }, content: { backgroundColor: 'transparent' } };

/** Headings, lists, tables, emphasis and links: the sections of an agenda item (the backend sanitises the HTML). */
export function RichText({ label, value, onChange, placeholder, minHeight = 90, readOnly = false }: Props) {
  // The editor is made once the component has mounted, not while it renders. TipTap destroys an editor made during
  // render unless that render's effects run within a millisecond, and React may commit a render much later: it holds
  // back a Suspense boundary's content until 300 ms after its fallback (the meeting page appearing after its lazily
  // loaded code, with an item already selected), and a concurrent render may yield. The render then handed over an
  // editor already destroyed, and reading its HTML failed ("Cannot read properties of null (reading 'cached')").
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, heading: { levels: [3] } }), Link.configure({ openOnClick: false }), Table.configure({ resizable: false }), TableRow, TableHeader, TableCell],
    content: value,
    immediatelyRender: false,
    editable: !readOnly,
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
    // The editable area is the text box a screen reader announces: named like the section heading above it.
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': label } },
  });

  // Locked or unlocked while shown (minutes approved or reopened in another window).
  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable === readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // Another window changed the text: take it, unless this editor is being typed in. An editor destroyed meanwhile
  // (hidden and shown again by React) has nothing to take it: its successor starts from the current value.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (!editor.isFocused && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{label}</Text>
      <RichTextEditor editor={editor} labels={LABELS} role="group" aria-label={label} styles={readOnly ? READ_ONLY_STYLES : undefined}>
        {!readOnly && (
          <RichTextEditor.Toolbar>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Bold />
              <RichTextEditor.Italic />
              <RichTextEditor.H3 />
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.BulletList />
              <RichTextEditor.OrderedList />
              <RichTextEditor.Control
                onClick={() => editor?.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
                aria-label="Indsæt tabel"
                title="Indsæt tabel"
              >
                <IconTablePlus size={16} stroke={1.5} />
              </RichTextEditor.Control>
            </RichTextEditor.ControlsGroup>
            <RichTextEditor.ControlsGroup>
              <RichTextEditor.Link />
              <RichTextEditor.Unlink />
            </RichTextEditor.ControlsGroup>
          </RichTextEditor.Toolbar>
        )}
        <RichTextEditor.Content style={{ minHeight }} data-placeholder={placeholder} />
      </RichTextEditor>
    </div>
  );
}
