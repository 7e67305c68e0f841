package org.factmark.common.ui;

import com.vaadin.flow.component.grid.Grid;

/** What every grid of Factmark does the same way. */
public final class Grids {

    private Grids() {
    }

    /**
     * Enter on a row opens it as Space and a click do. Vaadin's grid turns Space on a row into a click
     * on the row's content, which reaches the grid's item-click and selection listeners; Enter only
     * enters a cell that holds a button or a link. So Enter on a row (or a cell without anything to
     * enter) sends that same click; a cell with a control inside keeps Enter for entering it.
     */
    public static <T> Grid<T> enterOpensRows(Grid<T> grid) {
        grid.addAttachListener(attach -> grid.getElement().executeJs("""
                if (this.__enterOpensRows) return;
                this.__enterOpensRows = true;
                this.addEventListener('keydown', (e) => {
                  if (e.key !== 'Enter' || e.defaultPrevented || this.interacting || e.repeat
                      || e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return;
                  const target = e.composedPath()[0];
                  const row = target instanceof HTMLTableRowElement ? target : target.parentElement;
                  if (!(row instanceof HTMLTableRowElement) || !this.$.items.contains(row)) return;
                  e.preventDefault();
                  const content = target._content?.firstElementChild || target._content || row.querySelector('td')?._content;
                  content?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
                });"""));
        return grid;
    }
}
