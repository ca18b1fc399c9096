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

/** Headings, lists, tables, emphasis and links: the sections of an agenda item (the backend sanitises the HTML). */
export function RichText({ label, value, onChange, placeholder, minHeight = 90 }: Props) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false, heading: { levels: [3] } }), Link.configure({ openOnClick: false }), Table.configure({ resizable: false }), TableRow, TableHeader, TableCell],
    content: value,
    immediatelyRender: true,
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  // Another window changed the text: take it, unless this editor is being typed in.
  useEffect(() => {
    if (editor && !editor.isFocused && value !== editor.getHTML() && !(value === '' && editor.isEmpty)) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <div>
      <Text size="sm" fw={500} mb={4}>{label}</Text>
      <RichTextEditor editor={editor} labels={LABELS} aria-label={label}>
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
        <RichTextEditor.Content style={{ minHeight }} data-placeholder={placeholder} />
      </RichTextEditor>
    </div>
  );
}
