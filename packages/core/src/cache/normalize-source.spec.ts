// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the inputs are JavaScript source that holds template literals.
import { describe, expect, it } from '@jest/globals';
import { normalizeSource } from './normalize-source.js';

const method = `compute(price, qty) {
    // Net of tax.
    const total = price * qty; /* gross */
    const label = 'total: ';
    return label + total / (1 + this.rate);
}`;

describe('normalizeSource', () => {
  it('removes line, block and JSDoc comments', () => {
    expect(normalizeSource('a = 1; // note\nb = 2; // last')).toBe('a=1;b=2;');
    expect(normalizeSource('f(x /* inline */, y)')).toBe('f(x,y)');
    expect(normalizeSource('/**\n * Doc.\n * @param x the input\n */\nfunction f(x) { return x; }')).toBe('function f(x){return x;}');
  });

  it('treats a comment as a token separator', () => {
    expect(normalizeSource('return/**/x')).toBe('return x');
    expect(normalizeSource('let// c\nx')).toBe('let x');
  });

  it('collapses whitespace, keeping one space only between words', () => {
    expect(normalizeSource('  const   total =\n\t price  *  qty ;  \r\n')).toBe('const total=price*qty;');
    expect(normalizeSource('async  function *gen ( ) { yield  item ; }')).toBe('async function*gen(){yield item;}');
    expect(normalizeSource('const größe = 1; x = größe  in  obj')).toBe('const größe=1;x=größe in obj');
  });

  it('keeps string, template and regex contents verbatim', () => {
    expect(normalizeSource(`s = '// not  a comment' + "/* nor  this */"`)).toBe(`s='// not  a comment'+"/* nor  this */"`);
    expect(normalizeSource(`s = 'it\\'s  //' + "say \\"  hi\\""`)).toBe(`s='it\\'s  //'+"say \\"  hi\\""`);
    expect(normalizeSource('t = `a  // b /* c */  \\`  \\${ d }`')).toBe('t=`a  // b /* c */  \\`  \\${ d }`');
    expect(normalizeSource('r = / a\\/ [/*] \\/\\/ /g')).toBe('r=/ a\\/ [/*] \\/\\/ /g');
  });

  it('normalises `${}` expressions as code, with nested strings, templates, braces and comments', () => {
    expect(normalizeSource('t = `a  ${ x  /* c */ + `in ${ y // z\n }  ner` }  d`')).toBe('t=`a  ${x+`in ${y}  ner`}  d`');
    expect(normalizeSource('`${ { a: "}" , b: `  ${ c /* } */ }  ` } }`')).toBe('`${{a:"}",b:`  ${c}  `}}`');
    expect(normalizeSource('`${ (() => { return 1; })() }`  .length')).toBe('`${(()=>{return 1;})()}`.length');
  });

  it('keeps the space that stops tokens merging', () => {
    expect(normalizeSource('a + +b')).toBe('a+ +b');
    expect(normalizeSource('a + +b')).not.toBe(normalizeSource('a ++b'));
    expect(normalizeSource('a - -b')).toBe('a- -b');
    expect(normalizeSource('a++ +b')).toBe('a++ +b');
    expect(normalizeSource('a++ +b')).not.toBe(normalizeSource('a+ ++b'));
    expect(normalizeSource('a / /re/.source.length')).toBe('a/ /re/.source.length');
    expect(normalizeSource('1 .e5')).not.toBe(normalizeSource('1.e5'));
    expect(normalizeSource('1.5 .toFixed()')).toBe('1.5.toFixed()');
    expect(normalizeSource('items\n  .map(f)\n  .filter(g)')).toBe('items.map(f).filter(g)');
  });

  it('tells division from a regex literal', () => {
    expect(normalizeSource('a / b / c')).toBe('a/b/c');
    expect(normalizeSource('(a) / 2 / (b) + arr[0] / 3 / n')).toBe('(a)/2/(b)+arr[0]/3/n');
    expect(normalizeSource('this.total / 2 /* half */')).toBe('this.total/2');
    expect(normalizeSource('o.return / 2 / x + i++ / 2 / k')).toBe('o.return/2/x+i++/2/k');
    expect(normalizeSource('x = /ab+c/g')).toBe('x=/ab+c/g');
    expect(normalizeSource('return /x/.test(s)')).toBe('return/x/.test(s)');
    expect(normalizeSource('x = / a  b /g.test(s); y = typeof / c /')).toBe('x=/ a  b /g.test(s);y=typeof/ c /');
    expect(normalizeSource('re = /[/ ]  x\\/ /u, f(/ a /)')).toBe('re=/[/ ]  x\\/ /u,f(/ a /)');
  });

  it('never throws on unterminated input, keeping the rest as it is', () => {
    expect(normalizeSource("a = 'abc  ")).toBe("a='abc  ");
    expect(normalizeSource('a = `x ${ y')).toBe('a=`x ${y');
    expect(normalizeSource('a = `x  ')).toBe('a=`x  ');
    expect(normalizeSource('a /* open  comment')).toBe('a/* open  comment');
    for (const input of ['', '/', '//', '/*', '"\\', '`\\', '`${', '}', 'x = /[', 'a = /unclosed  regex\n+ b']) {
      expect(() => normalizeSource(input)).not.toThrow();
    }
  });

  // Rescanning the line from every `/` would take tens of seconds here, past jest's timeout.
  it('stays linear when many `/` on one line could start a regex that never closes', () => {
    expect(normalizeSource('(/['.repeat(100_000)).length).toBe(300_000);
  });

  it('normalises differently formatted versions of the same method equal', () => {
    const compact = "compute(price,qty){const total=price*qty;const label='total: ';return label+total/(1+this.rate);}";
    const reformatted = `compute(price, qty)
    {
        /** Gross amount. */
        const total = price
            * qty;
        const label = 'total: '; // shown to users
        return label
            + total / ( 1 + this.rate ) ;
    }`;
    expect(normalizeSource(method)).toBe(compact);
    expect(normalizeSource(reformatted)).toBe(compact);
  });

  it('gives different output for any change to the code', () => {
    const base = normalizeSource(method);
    for (const changed of [
      method.replace('1 +', '2 +'),
      method.replace('price * qty', 'price + qty'),
      method.replace('this.rate', 'this.rat'),
      method.replace("'total: '", "'total:  '"),
    ]) {
      expect(changed).not.toBe(method);
      expect(normalizeSource(changed)).not.toBe(base);
    }
  });

  it('normalises a realistic transpiled class method', () => {
    const source = `async revenue(orders, fx) {
        /** Sums order totals in the base currency. */
        let sum = 0;
        for (const o of orders) {
            // Skip refunds.
            if (o.status === 'refunded')
                continue;
            sum += o.amount * (fx[o.currency] ?? 1);
        }
        const label = \`revenue \${sum.toFixed(2)} // \${orders.length} orders\`;
        return { sum, label, ok: /^\\d+\\.\\d{2}$/.test(sum.toFixed(2)) };
    }`;
    expect(normalizeSource(source)).toBe(
      "async revenue(orders,fx){let sum=0;for(const o of orders){if(o.status==='refunded')continue;sum+=o.amount*(fx[o.currency]??1);}" +
        'const label=`revenue ${sum.toFixed(2)} // ${orders.length} orders`;return{sum,label,ok:/^\\d+\\.\\d{2}$/.test(sum.toFixed(2))};}',
    );
  });

  it('normalises the source of a real method and arrow function', () => {
    class Pricing {
      net(price: number): number {
        // A comment the transpiler may or may not keep.
        return price * 2;
      }
    }
    const double = (x: number) => x * 2;
    expect(normalizeSource(Pricing.prototype.net.toString())).toBe('net(price){return price*2;}');
    expect(normalizeSource(double.toString())).toBe('(x)=>x*2');
  });
});
