import { useI18n } from '../i18n';
import { axesOf, optionState, pick, selectionOf, type PickerVariant } from '../variants';

/** One radio group per attribute; combinations that do not exist or are sold out are disabled. */
export function VariantPicker<V extends PickerVariant>({ variants, selected, onSelect }: { variants: readonly V[]; selected: V | undefined; onSelect: (v: V) => void }) {
  const { t } = useI18n();
  const sel = selectionOf(selected);
  return (
    <div className="flex flex-col gap-3">
      {axesOf(variants).map((axis) => (
        <fieldset key={axis.slug}>
          <legend className="mb-1 text-sm font-semibold">
            {axis.name}: <span className="font-normal">{sel[axis.slug]}</span>
          </legend>
          <div className="flex flex-wrap gap-2">
            {axis.values.map((value) => {
              const state = optionState(variants, sel, axis.slug, value);
              const checked = sel[axis.slug] === value;
              const id = `opt-${axis.slug}-${value}`.replace(/\W+/g, '-');
              return (
                <label key={value} htmlFor={id} className={`relative cursor-pointer rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-700 ${checked ? 'border-indigo-700 bg-indigo-50 font-semibold' : 'border-slate-400 bg-white'} ${state !== 'available' ? 'cursor-not-allowed text-slate-500 line-through' : ''}`}>
                  <input
                    id={id}
                    type="radio"
                    name={axis.slug}
                    value={value}
                    checked={checked}
                    disabled={state !== 'available' && !checked}
                    onChange={() => {
                      const v = pick(variants, sel, axis.slug, value) as V | undefined;
                      if (v) onSelect(v);
                    }}
                    className="sr-only"
                  />
                  {value}
                  {state === 'soldOut' && <span className="sr-only"> ({t('product.soldOut')})</span>}
                  {state === 'none' && <span className="sr-only"> ({t('product.unavailable')})</span>}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
