<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AnalysisControls</name>
    <message>
        <location filename="../../panels/analysis_controls.py" line="+18"/>
        <source>bits (log₂)</source>
        <extracomment>(label, base) in the order shown; the labels are translated where they are shown.</extracomment>
        <translation>비트 (bits, log₂)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nats (ln)</source>
        <translation>내트 (nats, ln)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bans (log₁₀)</source>
        <translation>반 (bans, log₁₀)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The unit of every entropy, KL and JS value and axis.</source>
        <extracomment>The most decimals Qt&apos;s spin boxes take: enough for the smallest double. The box is wide enough for this text: Qt sizes a spin box for its minimum and maximum (&quot;0&quot;, &quot;100&quot;), which cuts an ε of &quot;1e-06&quot; to &quot;1e-0&quot;. Longer values scroll in the box.</extracomment>
        <translation>모든 엔트로피, KL, JS 값과 축에 쓰이는 단위입니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The measure the ranking sorts by; lower is better.</source>
        <translation>순위를 매기는 기준 척도입니다. 낮을수록 좋습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additive ε on probabilities</source>
        <translation>확률에 ε 더하기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add-k (Laplace) on counts</source>
        <translation>개수에 k 더하기 (라플라스)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keeps zeros from making KL infinite. It changes every distribution, the reference included, and the ranking says so.</source>
        <translation>0 때문에 KL이 무한대가 되는 것을 막습니다. 기준 분포를 포함한 모든 분포가 바뀌며, 순위 표에 그 사실이 표시됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ε for additive smoothing, k for add-k</source>
        <translation>ε 더하기 평활화의 ε, add-k 평활화의 k</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank by</source>
        <translation>순위 기준</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing</source>
        <translation>평활화</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../charts/bar_chart.py" line="+1132"/>
        <source>%s of %s classes matching “%s”</source>
        <extracomment>Fraction of a class&apos;s slot filled by its group of bars. When data outgrows the span during a drag, the new span has this much extra room. Room between two class names under the axis (pixels) when only every n-th is named. A class&apos;s slot holds this many average characters of its name on a line (wrapped onto more lines): per-class charts show as many classes as have this room each. With less room, names stand on end, one per class, cut to this many characters, while a class has this many lines of the font across; with less, every n-th class is named, its name cut to :data:`CUT_NAME_CHARACTERS`. The draw flags that mark a name drawn on end. How far (pixels) the first and last names may reach past the ends of the x axis. The most of a chart&apos;s height a legend above the plot takes, of its width one beside it: more entries go on more columns, with their names cut. A legend beside the plot leaves its names this many average characters at least; one above it, never fewer than the least. Most legend entries on a row; fewer when the chart is narrow (they wrap, never widen it). Room for a legend entry&apos;s colour sample and spacing, beside its label (pixels). pyqtgraph&apos;s margins around a legend&apos;s entries, above and below (pixels). A chart shorter than this many lines of its text puts its legend beside the plot, its rows this many pixels closer than pyqtgraph&apos;s (whose labels have margins of their own). Room above and below a chart&apos;s title (pixels). Room for the y axis and margins beside a chart&apos;s title (pixels). The y span for data that is all zero: a readable axis, not ticks at 1e-09. The &quot;other&quot; bar may be this many times the tallest class shown before it goes off the scale. Classes a per-class chart shows before it knows its width; the fewest it ever fits. Room a value axis gives each labelled tick, in lines of its font (labels never touch). Room between a plot&apos;s notice (an empty chart&apos;s &quot;what to do&quot;) and its sides (pixels). Most lines a bar&apos;s name is wrapped onto under the axis. Narrower slots than this many average characters number the bars (the legend names them). Room between the names of neighbouring bars (pixels). Bars narrower than a word of their names (up to this many average characters) are numbered: a word is broken only when it alone is wider. Where a long name may break: after these. A line this short (characters) is better kept on the line before, where there is room. Items drawn in the window only, never in an export (the selected bar&apos;s outline).</extracomment>
        <translation>%s / %s개 클래스, “%s” 포함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s of %s classes</source>
        <translation>%s / %s개 클래스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s of %s</source>
        <translation>%s / %s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>other (%s classes)</source>
        <translation>기타 (%s개 클래스)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>other %s %s</source>
        <translation>기타 %s %s</translation>
    </message>
</context>
<context>
    <name>ClassFilter</name>
    <message>
        <location filename="../../tables/class_filter.py" line="+25"/>
        <source>Find a class…</source>
        <translation>클래스 찾기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only the classes whose name contains this text, in the table and charts</source>
        <translation>이름에 이 텍스트가 들어간 클래스만 표와 차트에 표시합니다</translation>
    </message>
</context>
<context>
    <name>ClassShareChart</name>
    <message>
        <location filename="../../panels/sample_charts.py" line="+111"/>
        <source>Classes that carry KL over all samples</source>
        <translation>모든 샘플에 걸쳐 KL을 차지하는 클래스</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>share of KL</source>
        <translation>KL 비율</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>other (%s classes)</source>
        <extracomment>The class names drawn, &quot;other&quot; last (for tests). What the legend says of the cumulative curve (&quot;&quot; when there is none).</extracomment>
        <translation>기타 (%s개 클래스)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cumulative: 90 %% in %s classes</source>
        <translation>누적: 90 %% — 클래스 %s개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s: each class&apos;s KL terms summed over all samples, as a share of the total (%s); the line is the share carried by the classes so far, largest first: %s classes carry 90 %%.</source>
        <translation>%s: 각 클래스의 KL 항을 모든 샘플에 걸쳐 더한 값, 전체(%s)에 대한 비율. 선은 큰 것부터 지금까지의 클래스가 차지하는 비율입니다: %s개 클래스가 90 %%를 차지합니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%s: KL is infinite in %s classes
(samples with q = 0 where p &gt; 0: see ∞ samples)</source>
        <translation>%s: %s개 클래스에서 KL이 무한대입니다
(p &gt; 0인데 q = 0인 샘플: ∞ 샘플 참고)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s: KL is 0, no class carries any</source>
        <translation>%s: KL이 0이라 어떤 클래스도 차지하지 않습니다</translation>
    </message>
</context>
<context>
    <name>ClassViewBar</name>
    <message>
        <location filename="../../charts/class_view_bar.py" line="+105"/>
        <source>Find a class…</source>
        <translation>클래스 찾기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only the classes whose name contains this text (any case)</source>
        <translation>이름에 이 텍스트가 들어간 클래스만 표시합니다(대소문자 무시)</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>as many as fit</source>
        <extracomment>The largest top N the box offers: as many bars as a wide chart has pixels (more are hairlines no one tells apart, and each costs the axis a name to measure). The find field&apos;s least width (pixels): room for a few characters.</extracomment>
        <translation>들어가는 만큼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>top </source>
        <translation>상위 </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this many classes, those with the largest |term| of any model; the rest are summed into one “other” bar. 0: as many as fit the chart&apos;s width.</source>
        <translation>어느 모델에서든 |항|이 가장 큰 클래스를 이만큼 표시하고, 나머지는 “기타” 막대 하나로 합칩니다. 0: 차트 너비에 들어가는 만큼.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>table order</source>
        <translation>표 순서</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by |term|</source>
        <translation>|항| 순</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by P</source>
        <translation>P 순</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by name</source>
        <translation>이름 순</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The order of the classes shown</source>
        <translation>표시할 클래스의 순서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes:</source>
        <translation>클래스:</translation>
    </message>
</context>
<context>
    <name>ContributionChart</name>
    <message>
        <location filename="../../charts/contribution_chart.py" line="+299"/>
        <source>KL(P‖Q): Σ p·log(p/q)</source>
        <translation>KL(P‖Q): Σ p·log(p/q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL(Q‖P): Σ q·log(q/p)</source>
        <translation>KL(Q‖P): Σ q·log(q/p)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KL is not symmetric: compare the terms in both directions.</source>
        <translation>KL은 대칭이 아닙니다. 두 방향의 항을 비교해 보세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>terms per class</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cumulative share</source>
        <translation>누적 비율</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terms per class, or how many classes carry most of KL: the share of it carried by the k largest terms</source>
        <translation>클래스별 항, 또는 몇 개의 클래스가 KL의 대부분을 차지하는지: 가장 큰 k개 항이 차지하는 비율</translation>
    </message>
</context>
<context>
    <name>CrossEntropyHistogram</name>
    <message>
        <location filename="../../panels/predictions_panel.py" line="+92"/>
        <source>Per-sample cross-entropy</source>
        <extracomment>The histogram&apos;s least width (pixels): room for its axes, title and legend, which pyqtgraph draws cut, rather than asking for room, in a narrower view. Infinite samples listed in a tooltip before &quot;…&quot;.</extracomment>
        <translation>샘플별 교차 엔트로피</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <location line="+41"/>
        <source> (+%d at ∞)</source>
        <translation> (∞인 샘플 %d개 더)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>−log q(true class), %s</source>
        <translation>−log q(정답 클래스), %s</translation>
    </message>
</context>
<context>
    <name>DecompositionChart</name>
    <message>
        <location filename="../../charts/decomposition_chart.py" line="+47"/>
        <source>H(P,Q) = H(P) + KL(P‖Q)</source>
        <extracomment>With more models than this the value labels would overlap; the tooltips still tell. Nor when a bar&apos;s slot is narrower than a label (pixels). Room above the tallest bar: for the value labels when they are written, else a little. Size of the value labels, relative to the chart&apos;s font. Room around a two-line value label (pixels). Value labels show only while they need less than this share of the plot&apos;s height.</extracomment>
        <translation>H(P,Q) = H(P) + KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No valid input yet: see the table.</source>
        <translation>아직 유효한 입력이 없습니다. 표를 확인하세요.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Add a model to compare with %s</source>
        <translation>%s와(과) 비교할 모델을 추가하세요</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>H(P)</source>
        <translation>H(P)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%s
H(P) = %s %s
KL(P‖Q) = %s %s
H(P,Q) = %s %s</source>
        <translation>%s
H(P) = %s %s
KL(P‖Q) = %s %s
H(P,Q) = %s %s</translation>
    </message>
</context>
<context>
    <name>DistributionChart</name>
    <message>
        <location filename="../../charts/distribution_chart.py" line="+79"/>
        <source>Distributions</source>
        <extracomment>Room above the tallest bar. Value step of the Up and Down keys (Alt: a tenth of it). How far above a bar&apos;s top a press still grabs it, as a fraction of the y span. Something the user should know (a drag that cannot be made), for the status bar.</extracomment>
        <translation>분포</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No valid input yet: see the table.</source>
        <translation>아직 유효한 입력이 없습니다. 표를 확인하세요.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source> (locked)</source>
        <translation> (고정)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No class name contains “%s”</source>
        <translation>이름에 “%s”이(가) 들어간 클래스가 없습니다</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Cannot change it: %s</source>
        <translation>바꿀 수 없습니다: %s</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>Unlock %s</source>
        <translation>%s 고정 해제</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lock %s during drags</source>
        <translation>드래그하는 동안 %s 고정</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%s, the %s other classes
together = %s</source>
        <translation>%s, 나머지 %s개 클래스
합계 = %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s (reference), class %s
p = %s</source>
        <translation>%s (기준 분포), 클래스 %s
p = %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s (model), class %s
q = %s</source>
        <translation>%s (모델), 클래스 %s
q = %s</translation>
    </message>
</context>
<context>
    <name>DistributionEditor</name>
    <message>
        <location filename="../../tables/distribution_editor.py" line="+187"/>
        <source>Add &amp;class</source>
        <translation>클래스 추가(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a class below the current one</source>
        <translation>현재 클래스 아래에 클래스를 추가합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove class</source>
        <translation>클래스 삭제</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the current class</source>
        <translation>현재 클래스를 삭제합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move class up</source>
        <translation>클래스를 위로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current class up</source>
        <translation>현재 클래스를 위로 옮깁니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move class down</source>
        <translation>클래스를 아래로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current class down</source>
        <translation>현재 클래스를 아래로 옮깁니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add &amp;model</source>
        <translation>모델 추가(&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a model (uniform to start)</source>
        <translation>모델을 추가합니다 (처음에는 균등 분포)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+133"/>
        <source>Remove model</source>
        <translation>모델 삭제</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>Remove the current model</source>
        <translation>현재 모델을 삭제합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move column left</source>
        <translation>열을 왼쪽으로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current distribution left</source>
        <translation>현재 분포를 왼쪽으로 옮깁니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move column right</source>
        <translation>열을 오른쪽으로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current distribution right</source>
        <translation>현재 분포를 오른쪽으로 옮깁니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename…</source>
        <translation>이름 바꾸기…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename the current distribution</source>
        <translation>현재 분포의 이름을 바꿉니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+118"/>
        <source>Make the &amp;reference</source>
        <translation>기준 분포로 지정(&amp;R)</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Compare every other distribution with this one</source>
        <translation>다른 모든 분포를 이 분포와 비교합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values are &amp;counts</source>
        <translation>값을 개수로 읽기(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read this column as counts (divided by their total) or as probabilities</source>
        <translation>이 열을 개수(합계로 나눔)로 읽을지 확률로 읽을지 정합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock the class during drags</source>
        <translation>드래그하는 동안 클래스 고정(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dragging a bar rescales the other classes, but not a locked one</source>
        <translation>막대를 드래그하면 나머지 클래스의 값이 비례해서 조정되지만, 고정된 클래스는 그대로입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Normalize column</source>
        <translation>열 정규화(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Divide the current column by its sum so it sums to 1</source>
        <translation>현재 열을 그 합으로 나누어 합이 1이 되게 합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normalize &amp;all</source>
        <translation>모두 정규화(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Normalize every column that does not sum to 1</source>
        <translation>합이 1이 아닌 모든 열을 정규화합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+283"/>
        <source>Set to zero</source>
        <translation>0으로 설정</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>Set the selected values to 0</source>
        <translation>선택한 값을 0으로 설정합니다</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Remove %s</source>
        <translation>%s 삭제</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Make %s the &amp;reference</source>
        <translation>%s을(를) 기준 분포로 지정(&amp;R)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not changed: %s</source>
        <translation>변경되지 않음: %s</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>New name for %s:</source>
        <translation>%s의 새 이름:</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>&amp;Find a class</source>
        <extracomment>Text a value column is wide enough for: the longest a cell shows (format_cell gives at most six significant digits: −0.000123457). Room beside a cell&apos;s text: margins and the grid line (pixels). A column widens to show its header whole up to this many average characters; a longer name is cut short, and the header&apos;s tooltip has it whole. Something could not be done, or was done and is worth saying (for the status bar).</extracomment>
        <translation>클래스 찾기(&amp;F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show only the classes whose name contains what you type</source>
        <translation>입력한 텍스트가 이름에 들어간 클래스만 표시합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find a class… (%s)</source>
        <translation>클래스 찾기… (%s)</translation>
    </message>
    <message>
        <location line="+254"/>
        <source>Not renamed: %s
New name for %s:</source>
        <translation>이름을 바꾸지 않았습니다: %s
%s의 새 이름:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%s already sums to 1: nothing to change.</source>
        <translation>%s의 합이 이미 1입니다: 바꿀 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Normalized %s: it now sums to 1.</source>
        <translation>정규화했습니다: 이제 %s의 합은 1입니다.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Not pasted: choose a cell to paste into first.</source>
        <translation>붙여넣지 않음: 먼저 붙여넣을 셀을 선택하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not pasted: the clipboard holds no values.</source>
        <translation>붙여넣지 않음: 클립보드에 값이 없습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not pasted: %s</source>
        <translation>붙여넣지 않음: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the pasted block has %d rows; only %d fit below</source>
        <translation>붙여넣은 블록은 %d행이지만 아래에는 %d행만 들어갑니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the pasted block is wider than the table</source>
        <translation>붙여넣은 블록이 표보다 넓습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pasted row %d, column %d: %s</source>
        <translation>붙여넣은 %d행 %d열: %s</translation>
    </message>
</context>
<context>
    <name>DistributionTableModel</name>
    <message>
        <location filename="../../tables/distribution_table_model.py" line="+176"/>
        <source>Class</source>
        <extracomment>An edit could not be made; the message says why (for the status bar).</extracomment>
        <translation>클래스</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s
(counts)</source>
        <translation>%s
(개수)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s: the reference P, the true distribution</source>
        <translation>%s: 기준 분포 P, 즉 실제 분포</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s: how often each class is the predicted label (argmax), not a model&apos;s probabilities; the ranking lists it apart</source>
        <translation>%s: 각 클래스가 예측 레이블(argmax)이 된 빈도이며, 모델의 확률이 아닙니다. 순위에서는 따로 표시됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s: a model&apos;s predicted distribution Q</source>
        <translation>%s: 모델의 예측 분포 Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Values are counts; they are divided by their total.</source>
        <translation>값이 개수입니다. 합계로 나누어 확률로 만듭니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values are probabilities; they must sum to 1.</source>
        <translation>값이 확률입니다. 합이 1이어야 합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right-click for more: reference, rename, counts, normalize, remove.</source>
        <translation>오른쪽 클릭으로 더 많은 작업: 기준 분포 지정, 이름 바꾸기, 개수, 정규화, 삭제.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%s, %s: empty. Type a value to fill it (0 if the model gives the class no probability).</source>
        <translation>%s, %s: 비어 있습니다. 값을 입력해 채우세요(모델이 이 클래스에 확률을 주지 않으면 0).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not accepted: %s
Nothing was changed: the table still holds %s. Correct the text to apply it.</source>
        <translation>받아들이지 않음: %s
아무것도 바뀌지 않았습니다: 표에는 여전히 %s이(가) 있습니다. 텍스트를 고치면 적용됩니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no value</source>
        <translation>값 없음</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The sum of all %s classes, the hidden ones too.</source>
        <translation>숨겨진 것을 포함한 모든 %s개 클래스의 합.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Σ all classes</source>
        <translation>Σ 모든 클래스</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Σ sum</source>
        <translation>Σ 합계</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No sum while a cell of %s is empty.</source>
        <translation>%s의 칸이 비어 있는 동안에는 합계가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total count %s</source>
        <translation>총 개수 %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sum of probabilities: %r</source>
        <translation>확률의 합: %r</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Not changed: %s</source>
        <translation>변경되지 않음: %s</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../document/document.py" line="+323"/>
        <source>Edit %s, %s</source>
        <extracomment>QUndoCommand.id() of commands that may merge; their merge_key decides whether they do. The workspace changed (any edit, undo or redo). A recompute finished: :attr:`comparison` or :attr:`input_error` changed. Prediction files were opened, or the workspace no longer comes from them. Per-sample distributions (a reference and its candidates) were opened beside the workspace, or closed. The model the worked example and explorations are about changed (view state: no undo). Classes locked against rescaling during a drag changed (view state: no undo). Text typed into the table and not accepted came or went (view state: no undo). Which classes the per-class views show changed: top N, order, filter (view state).</extracomment>
        <translation>%s, %s 편집</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Drag %s, %s</source>
        <translation>%s, %s 드래그</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit %s</source>
        <translation>%s 편집</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add class %s</source>
        <translation>클래스 %s 추가</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove class %s</source>
        <translation>클래스 %s 삭제</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rename class %s</source>
        <translation>클래스 %s 이름 바꾸기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move class %s</source>
        <translation>클래스 %s 옮기기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add model %s</source>
        <translation>모델 %s 추가</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove %s</source>
        <translation>%s 삭제</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename %s</source>
        <translation>%s 이름 바꾸기</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move %s</source>
        <translation>%s 옮기기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Make %s the reference</source>
        <translation>%s을(를) 기준 분포로 지정</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Treat %s as counts</source>
        <translation>%s을(를) 개수로 읽기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Treat %s as probabilities</source>
        <translation>%s을(를) 확률로 읽기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Normalize %s</source>
        <translation>%s 정규화</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Normalize all</source>
        <translation>모두 정규화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not normalized: %s</source>
        <translation>정규화하지 않음: %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the log base</source>
        <translation>로그 밑 변경</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change smoothing</source>
        <translation>평활화 변경</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rank by another measure</source>
        <translation>순위 척도 변경</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>class %d</source>
        <translation>클래스 %d</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>model %d</source>
        <translation>모델 %d</translation>
    </message>
</context>
<context>
    <name>Explorations</name>
    <message>
        <location filename="../../panels/explorations.py" line="+238"/>
        <source>Model:</source>
        <extracomment>λ moves in steps of 1/100. The temperature slider: T from 1/20 to 20 on a log scale, T = 20^(step/100 − 1), so the middle step is T = 1 exactly. The temperature plot&apos;s y axis reaches this many times the KL of the model (T = 1): the dip around the best T stays readable; the steep ends leave the plot (the label has the value). The unit of KL, for the tooltips.</extracomment>
        <translation>모델:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>λ: 0 is the model Q, 1 is the reference P</source>
        <translation>λ: 0이면 모델 Q, 1이면 기준 분포 P</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KL(P‖Q&lt;sub&gt;λ&lt;/sub&gt;), Q&lt;sub&gt;λ&lt;/sub&gt; = (1−λ)Q + λP</source>
        <translation>KL(P‖Q&lt;sub&gt;λ&lt;/sub&gt;), Q&lt;sub&gt;λ&lt;/sub&gt; = (1−λ)Q + λP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply Q_λ</source>
        <translation>Q_λ 적용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Q toward P</source>
        <translation>Q를 P 쪽으로 옮기기</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>T &lt; 1 sharpens Q (more confident), T &gt; 1 flattens it; T = 1 is Q itself</source>
        <translation>T &lt; 1이면 Q가 뾰족해지고(더 확신), T &gt; 1이면 평평해집니다. T = 1이면 Q 그대로입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KL(P‖q&lt;sub&gt;T&lt;/sub&gt;), q&lt;sub&gt;T&lt;/sub&gt; ∝ q&lt;sup&gt;1/T&lt;/sup&gt;</source>
        <translation>KL(P‖q&lt;sub&gt;T&lt;/sub&gt;), q&lt;sub&gt;T&lt;/sub&gt; ∝ q&lt;sup&gt;1/T&lt;/sup&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>temperature T (log scale)</source>
        <translation>온도 T (로그 눈금)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to best T</source>
        <translation>최적 T로 이동</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply T</source>
        <translation>T 적용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the temperature</source>
        <translation>온도 바꾸기</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>There is no model to explore: add one (Edit ▸ Add model, Ctrl+Shift+M) and type its predicted probabilities.</source>
        <translation>탐구할 모델이 없습니다. 모델을 추가하고(편집 ▸ 모델 추가, Ctrl+Shift+M) 예측 확률을 입력하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No valid input yet: fix the values marked in the table.</source>
        <translation>아직 유효한 입력이 없습니다. 표에 표시된 값을 고치세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s is not valid: %s. Fix it in the table to explore it.</source>
        <translation>%s이(가) 올바르지 않습니다: %s. 탐색하려면 표에서 고치세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s has no valid values yet: fix them in the table.</source>
        <translation>%s에 아직 유효한 값이 없습니다. 표에서 고치세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Showing the last valid input (Apply is off until it is fixed): %s</source>
        <translation>⚠ 마지막 유효 입력을 보여 주는 중입니다 (고칠 때까지 적용할 수 없습니다): %s</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>KL (%s)</source>
        <translation>KL (%s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply Q_λ to %s</source>
        <translation>%s에 Q_λ 적용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply T to %s</source>
        <translation>%s에 T 적용</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>KL is ∞ at every temperature</source>
        <translation>모든 온도에서 KL이 ∞입니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>λ = %s: KL(P‖Q&lt;sub&gt;λ&lt;/sub&gt;) = &lt;b&gt;%s&lt;/b&gt; %s</source>
        <translation>λ = %s: KL(P‖Q&lt;sub&gt;λ&lt;/sub&gt;) = &lt;b&gt;%s&lt;/b&gt; %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>∞ at λ = 0: Q gives 0 to a class P has; any λ &gt; 0 mixes in P and makes it finite.</source>
        <translation>λ = 0에서 ∞: Q가 P에 있는 클래스에 0을 줍니다. λ &gt; 0이면 P가 섞여 유한해집니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>T = %s: KL(P‖q&lt;sub&gt;T&lt;/sub&gt;) = &lt;b&gt;%s&lt;/b&gt; %s</source>
        <translation>T = %s: KL(P‖q&lt;sub&gt;T&lt;/sub&gt;) = &lt;b&gt;%s&lt;/b&gt; %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(the model, T = 1: %s)</source>
        <translation>(원래 모델, T = 1: %s)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No best T: Q gives 0 to a class P has, and tempering never makes a 0 positive, so KL is ∞ for every T.</source>
        <translation>최적 T가 없습니다. Q가 P에 있는 클래스에 0을 주는데, 온도를 바꿔도 0은 양수가 되지 않으므로 모든 T에서 KL이 ∞입니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>best T = %s</source>
        <translation>최적 T = %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every T gives the same KL: Q is uniform where it is not 0.</source>
        <translation>모든 T에서 KL이 같습니다. Q가 0이 아닌 곳에서 균등하기 때문입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Best T = &lt;b&gt;%s&lt;/b&gt;: KL = &lt;b&gt;%s&lt;/b&gt; %s</source>
        <translation>최적 T = &lt;b&gt;%s&lt;/b&gt;: KL = &lt;b&gt;%s&lt;/b&gt; %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(at the end of the range: KL keeps falling beyond it)</source>
        <translation>(범위의 끝: 범위 밖에서도 KL이 계속 줄어듭니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— Q is not confident enough: sharpen it</source>
        <translation>— Q의 확신이 부족합니다: 더 뾰족하게 하세요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>— Q is overconfident: soften it</source>
        <translation>— Q가 과신하고 있습니다: 더 완만하게 하세요</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../files/export_actions.py" line="+40"/>
        <source>&amp;Export</source>
        <extracomment>Something worth a line in the status bar.</extracomment>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s chart…</source>
        <translation>%s 차트…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ranking as CSV…</source>
        <translation>순위를 CSV로…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per-class terms as CSV…</source>
        <translation>클래스별 항을 CSV로…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Report (HTML or PDF)…</source>
        <translation>보고서 (HTML 또는 PDF)(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chart &amp;size for slides…</source>
        <translation>슬라이드용 차트 크기(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16:9 or 4:3 at a chosen width, and the text&apos;s size, for charts and the report</source>
        <translation>차트와 보고서에 쓸 16:9 또는 4:3 크기(너비 선택)와 글자 크기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the ranking</source>
        <translation>순위 복사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the ranking as tab-separated text that pastes into spreadsheets</source>
        <translation>순위를 스프레드시트에 붙여넣을 수 있는 탭 구분 텍스트로 복사합니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the per-class terms</source>
        <translation>클래스별 항 복사</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>ranking</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>per-class terms</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %s</source>
        <translation>내보냈습니다: %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not export %s: %s</source>
        <translation>내보내지 못했습니다 (%s): %s</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+33"/>
        <location line="+10"/>
        <source>KL Explorer</source>
        <translation>KL Explorer</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>There is nothing to export until the input is valid.</source>
        <translation>입력이 유효해질 때까지 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input is not valid now (%s). Export the last valid comparison, which no longer matches the table?</source>
        <translation>지금 입력이 올바르지 않습니다 (%s). 표와 더 이상 맞지 않는 마지막 유효한 비교를 내보낼까요?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s is left out until it is fixed (%s). Export the comparison without it?</source>
        <translation>%s은(는) 고쳐질 때까지 빠집니다(%s). 이 모델 없이 비교를 내보낼까요?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is nothing to copy until the input is valid.</source>
        <translation>입력이 올바르게 될 때까지 복사할 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input is not valid now (%s). Copy the last valid comparison, which no longer matches the table?</source>
        <translation>지금 입력이 올바르지 않습니다 (%s). 표와 더 이상 맞지 않는 마지막 유효한 비교를 복사할까요?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s is left out until it is fixed (%s). Copy the comparison without it?</source>
        <translation>%s은(는) 고쳐질 때까지 빠집니다(%s). 이 모델 없이 비교를 복사할까요?</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Export the %s chart</source>
        <translation>%s 차트 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image (*.png);;SVG vector image (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 벡터 이미지 (*.svg)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export as CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Copied; paste it into a spreadsheet.</source>
        <translation>복사했습니다. 스프레드시트에 붙여넣으세요.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf);;HTML page (*.html)</source>
        <translation>PDF (*.pdf);;HTML 페이지 (*.html)</translation>
    </message>
</context>
<context>
    <name>ExportSizeDialog</name>
    <message>
        <location filename="../../files/export_size_dialog.py" line="+56"/>
        <source>Chart size for export</source>
        <translation>내보낼 차트 크기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>16:9 slide</source>
        <translation>16:9 슬라이드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4:3 slide</source>
        <translation>4:3 슬라이드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As in the window</source>
        <translation>창에서와 같이</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How many times larger than in the window the chart&apos;s text is drawn</source>
        <translation>차트의 글자를 창에서보다 몇 배 크게 그릴지</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text size</source>
        <translation>글자 크기</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The chart&apos;s size in the window, %s× as many pixels.</source>
        <translation>창에서의 차트 크기, 픽셀 수 %s배.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%d × %d pixels, laid out as a chart of %d × %d in the window.</source>
        <translation>%d × %d 픽셀, 창에서 %d × %d 크기의 차트로 배치.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../files/file_actions.py" line="+172"/>
        <location filename="../../window/application.py" line="+182"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Loading cancelled; nothing changed.</source>
        <extracomment>The file or the title changed (for the window title). Something worth a line in the status bar. Prediction files started loading in the background.</extracomment>
        <translation>불러오기를 취소했습니다. 바뀐 것은 없습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start again from the example</source>
        <translation>예제에서 다시 시작합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a session or a distribution table</source>
        <translation>세션이나 분포 표를 엽니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;predictions…</source>
        <translation>예측 파일 열기(&amp;P)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evaluate classifiers from files of true labels and predicted probabilities</source>
        <translation>정답 레이블과 예측 확률이 담긴 파일로 분류기를 평가합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;reference and candidates…</source>
        <translation>기준과 후보 열기(&amp;R)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Import table…</source>
        <translation>표 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a table&apos;s distributions to this workspace, matching classes by name</source>
        <translation>표의 분포를 현재 작업 공간에 추가합니다 (클래스는 이름으로 맞춤)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save the session</source>
        <translation>세션을 저장합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the session as a new file</source>
        <translation>세션을 새 파일로 저장합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xamples</source>
        <translation>예제(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dog, cat, rabbit (table)</source>
        <translation>개, 고양이, 토끼 (표)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Two classifiers&apos; predictions (model_a.csv + model_b.csv)</source>
        <translation>두 분류기의 예측 (model_a.csv + model_b.csv)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Could not %s: %s</source>
        <translation>%s 실패: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KL Explorer</source>
        <translation>KL Explorer</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s has unsaved changes. Save them first?</source>
        <translation>“%s”에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sessions and tables (*%s *.json *.csv *.tsv *.tab *.txt);;All files (*)</source>
        <translation>세션과 표 (*%s *.json *.csv *.tsv *.tab *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+120"/>
        <source>open these files</source>
        <translation>이 파일들 열기</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>open the file</source>
        <translation>파일 열기</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+183"/>
        <source>Opened %s</source>
        <translation>열었습니다: %s</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Opened as a distribution table</source>
        <translation>분포 표로 열었습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s was opened as a table of distributions; the banner says what is wrong.</source>
        <translation>%s 파일을 분포 표로 열었습니다. 무엇이 잘못되었는지는 배너에 나옵니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%s: %s. File ▸ Open predictions… asks which column holds the true labels.</source>
        <translation>%s: %s. 파일 ▸ 예측 파일 열기…에서 참 레이블이 든 열을 고를 수 있습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open prediction files</source>
        <translation>예측 파일 열기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Predictions (*.csv *.tsv *.txt *.parquet *.npz *.npy);;All files (*)</source>
        <translation>예측 파일 (*.csv *.tsv *.txt *.parquet *.npz *.npy);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+19"/>
        <source>True labels</source>
        <translation>정답 레이블</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Which column of %s holds the true labels?</source>
        <translation>%s의 어느 열에 정답 레이블이 있습니까?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%s has no column of true labels: its columns (%s) hold probabilities. Add a column of the true labels named %s, or open the file as a table of distributions.</source>
        <translation>%s에는 실제 레이블 열이 없습니다: 열(%s)이 모두 확률입니다. 실제 레이블 열을 %s 이름으로 추가하거나, 파일을 분포 표로 여세요.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The true labels for %s</source>
        <translation>%s의 정답 레이블</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels (*.npy *.csv *.txt);;All files (*)</source>
        <translation>레이블 (*.npy *.csv *.txt);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+55"/>
        <source>Loading %s…</source>
        <translation>불러오는 중: %s…</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>The reference</source>
        <translation>기준</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The candidates to compare with %s</source>
        <translation>%s와(과) 비교할 후보</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>probabilities</source>
        <translation>확률</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log-probabilities</source>
        <translation>로그 확률</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>logits</source>
        <translation>로짓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>counts (normalised per sample)</source>
        <translation>개수 (샘플마다 정규화)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Compared %s with %s</source>
        <translation>%s을(를) %s와(과) 비교했습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>compare the per-sample distributions</source>
        <translation>샘플별 분포 비교</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open the prediction files</source>
        <translation>예측 파일 열기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import tables</source>
        <translation>표 가져오기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tables (*.json *.csv *.tsv *.tab *.txt *%s);;All files (*)</source>
        <translation>표 (*.json *.csv *.tsv *.tab *.txt *%s);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import %s (%d cells left empty)</source>
        <translation>%s 가져오기 (빈 칸 %d개)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import %s (every class matched)</source>
        <translation>%s 가져오기 (모든 클래스 일치)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>None of the classes of %s is in the table it is merged into. Tables are merged by class name, so each side&apos;s cells for the other&apos;s classes are left empty, marked in the table.</source>
        <translation>%s의 클래스 중 병합 대상 표에 있는 것이 하나도 없습니다. 표는 클래스 이름으로 병합되므로, 상대편 클래스에 대한 각 쪽의 칸은 비어 있는 채로 표에 표시됩니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged by class name</source>
        <translation>클래스 이름으로 병합함</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fill the empty cells (0 where a model gives a class no probability); until then the charts show the last valid input.</source>
        <translation>빈 칸을 채우세요(모델이 클래스에 확률을 주지 않으면 0). 그때까지 차트는 마지막 유효 입력을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit ▸ Undo takes the import back.</source>
        <translation>편집 ▸ 실행 취소로 가져오기를 되돌릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%s merged by class name: %s matched.</source>
        <translation>%s을(를) 클래스 이름으로 병합함: %s 일치.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s merged by class name: no class matched.</source>
        <translation>%s을(를) 클래스 이름으로 병합함: 일치하는 클래스 없음.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added from it: %s (left empty in %s).</source>
        <translation>추가된 클래스: %s (%s에서는 비어 있음).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It lacks %s (left empty in %s).</source>
        <translation>없는 클래스: %s (%s에서는 비어 있음).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s and %d more</source>
        <translation>%s 외 %d개</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Saved %s; the text not accepted in 1 cell is not in it</source>
        <translation>%s을(를) 저장했습니다. 받아들이지 않은 셀 1개의 텍스트는 들어 있지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %s; the text not accepted in %d cells is not in it</source>
        <translation>%s을(를) 저장했습니다. 받아들이지 않은 셀 %d개의 텍스트는 들어 있지 않습니다</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Imported %s</source>
        <translation>가져왔습니다: %s</translation>
    </message>
    <message>
        <location line="-370"/>
        <source>Compare per-sample distributions with a reference&apos;s, sample by sample: a teacher and its students, a model and its quantisations (.npy, .npz, .kld, CSV, TSV, Parquet)</source>
        <translation>샘플별 분포를 기준의 분포와 샘플마다 비교합니다: 교사 모델과 학생 모델, 모델과 그 양자화 버전 (.npy, .npz, .kld, CSV, TSV, Parquet)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>give either distribution tables or prediction files, not both (prediction files: %s; distribution tables: %s)</source>
        <translation>분포 표와 예측 파일 중 하나만 주세요 (예측 파일: %s; 분포 표: %s)</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Per-sample distributions (*.npy *.npz *.kld *.csv *.tsv *.tab *.parquet *.pq);;All files (*)</source>
        <translation>샘플별 분포 (*.npy *.npz *.kld *.csv *.tsv *.tab *.parquet *.pq);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The .npy, CSV, TSV and Parquet files hold:</source>
        <translation>.npy, CSV, TSV, Parquet 파일에 든 것:</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>No classes in common</source>
        <translation>공통 클래스 없음</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Save session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>KL Explorer sessions (*%s)</source>
        <translation>KL Explorer 세션 (*%s)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+8"/>
        <source>save %s</source>
        <translation>%s 저장</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>the file is read-only and was left unchanged; Save As… saves your work under another name</source>
        <translation>읽기 전용 파일이라 바꾸지 않았습니다. 다른 이름으로 저장…으로 작업을 다른 이름으로 저장하세요</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved %s</source>
        <translation>저장했습니다: %s</translation>
    </message>
</context>
<context>
    <name>InputBanner</name>
    <message>
        <location filename="../../panels/input_banner.py" line="+23"/>
        <source>Normalize all</source>
        <extracomment>What Normalize all left out and why, for the status bar.</extracomment>
        <translation>모두 정규화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Divide every column that does not sum to 1 by its sum</source>
        <translation>합이 1이 아닌 모든 열을 그 합으로 나눕니다</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(and 1 more problem, marked in the table)</source>
        <translation>(그 밖에 문제 1개, 표에 표시됨)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(and %d more problems, marked in the table)</source>
        <translation>(그 밖에 문제 %d개, 표에 표시됨)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Left out of the charts and the ranking until it is fixed: %s</source>
        <translation>고쳐질 때까지 차트와 순위에서 빠짐: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reference %s is not valid: the charts show the last valid input.</source>
        <translation>기준 %s이(가) 올바르지 않습니다: 차트는 마지막 유효 입력을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The charts show the last valid input.</source>
        <translation>차트는 마지막 유효 입력을 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the name of class %s</source>
        <translation>클래스 %s의 이름</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was changed; correct the marked cell.</source>
        <translation>아무것도 바뀌지 않았습니다. 표시된 셀을 고치세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was changed; correct the marked cells (this one and 1 more).</source>
        <translation>아무것도 바뀌지 않았습니다. 표시된 셀들을 고치세요 (이 셀과 1개 더).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was changed; correct the marked cells (this one and %d more).</source>
        <translation>아무것도 바뀌지 않았습니다. 표시된 셀들을 고치세요 (이 셀과 %d개 더).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>⚠ Not accepted (%s): %s.</source>
        <translation>⚠ 받아들이지 않음 (%s): %s.</translation>
    </message>
</context>
<context>
    <name>KlHistogram</name>
    <message>
        <location filename="../../panels/sample_charts.py" line="-155"/>
        <source>Per-sample KL(P‖Q)</source>
        <extracomment>Classes drawn one by one in the per-class chart; the rest are one &quot;other&quot; bar.</extracomment>
        <translation>샘플별 KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>KL(P‖Q), %s (log scale)</source>
        <extracomment>What the legend says of each candidate (for tests and the screen reader alike).</extracomment>
        <translation>KL(P‖Q), %s (로그 눈금)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>+%d at 0</source>
        <translation>0에 +%d</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+%d at ∞</source>
        <translation>∞에 +%d</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../window/application.py" line="-6"/>
        <source>Restore unsaved work?</source>
        <translation>저장하지 않은 작업을 복원할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL Explorer did not close normally. Unsaved work on “%s” from %s was kept. Restore it?</source>
        <translation>KL Explorer가 정상적으로 종료되지 않았습니다. “%s”의 저장하지 않은 작업(%s 기록)이 남아 있습니다. 복원할까요?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore unsaved work</source>
        <translation>저장하지 않은 작업 복원</translation>
    </message>
    <message>
        <location filename="../../window/main_window.py" line="+85"/>
        <source>Distributions</source>
        <extracomment>How long a status-bar message stays, in milliseconds. First-run splitter sizes (scaled to the window); afterwards the user&apos;s own, from QSettings. The user chose an interface language (a code from klgui.window.language.LANGUAGES).</extracomment>
        <translation>분포</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-class terms</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Analysis</source>
        <translation>분석</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Worked example</source>
        <translation>풀이 예제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Explorations</source>
        <translation>탐구</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-sample predictions</source>
        <translation>샘플별 예측</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per-sample distributions</source>
        <translation>샘플별 분포</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Undo: %s</source>
        <translation>실행 취소: %s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo: %s</source>
        <translation>다시 실행: %s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the terms of KL(Q‖P)</source>
        <translation>KL(Q‖P)의 항 보기</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Presentation mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full screen, large type, heavy lines and high contrast, for a projector</source>
        <translation>프로젝터용: 전체 화면, 큰 글자, 굵은 선, 높은 대비</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Table and settings</source>
        <translation>표와 설정(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show or hide the table and the analysis settings (presenting hides them)</source>
        <translation>표와 분석 설정을 보이거나 숨깁니다 (발표 모드에서는 숨겨집니다)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Dark theme</source>
        <translation>어두운 테마(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Next view</source>
        <translation>다음 보기(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;vious view</source>
        <translation>이전 보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to %s</source>
        <translation>이동: %s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reset chart &amp;zoom</source>
        <translation>차트 확대/축소 초기화(&amp;Z)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset the &amp;layout</source>
        <translation>레이아웃 초기화(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the &amp;measures mean</source>
        <translation>척도의 의미(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About KL Explorer</source>
        <translation>KL Explorer 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>the table</source>
        <translation>표</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the distributions</source>
        <translation>분포</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the per-class terms</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the ranking</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the cross-entropy chart</source>
        <translation>교차 엔트로피 차트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the worked example</source>
        <translation>풀이 예제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the explorations</source>
        <translation>탐구</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>What the measures mean</source>
        <translation>척도의 의미</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading %p%</source>
        <translation>불러오는 중 %p%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading; nothing will change</source>
        <translation>불러오기를 멈춥니다. 아무것도 바뀌지 않습니다</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%s[*] — KL Explorer</source>
        <translation>%s[*] — KL Explorer</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%s classes</source>
        <translation>클래스 %s개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 model</source>
        <translation>모델 1개</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%d models</source>
        <translation>모델 %d개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>1 argmax histogram</source>
        <translation>argmax 히스토그램 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d argmax histograms</source>
        <translation>argmax 히스토그램 %d개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ranked by %s</source>
        <translation>순위 기준: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About KL Explorer</source>
        <translation>KL Explorer 정보</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;KL Explorer&lt;/h3&gt;&lt;p&gt;Judge classification models by how far their predicted class distributions are from the truth.&lt;/p&gt;&lt;p&gt;D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q) = Σ P(x)·log(P(x)/Q(x)) ≥ 0, and = 0 only when Q = P.&lt;br&gt;H(P,Q) = H(P) + D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q): ranking by cross-entropy is ranking by KL.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;KL Explorer&lt;/h3&gt;&lt;p&gt;분류 모델이 예측한 클래스 분포가 실제 분포에서 얼마나 떨어져 있는지로 모델을 평가합니다.&lt;/p&gt;&lt;p&gt;D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q) = Σ P(x)·log(P(x)/Q(x)) ≥ 0이며, Q = P일 때만 0입니다.&lt;br&gt;H(P,Q) = H(P) + D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q): 교차 엔트로피로 순위를 매기는 것은 KL로 순위를 매기는 것과 같습니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MixtureChart</name>
    <message>
        <location filename="../../panels/worked_example.py" line="+201"/>
        <source>P, Q and M = (P+Q)/2</source>
        <translation>P, Q와 M = (P+Q)/2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <location line="+45"/>
        <source> (one-hot)</source>
        <translation> (원-핫)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the %s other classes together
P = %s
Q = %s</source>
        <translation>나머지 %s개 클래스 합계
P = %s
Q = %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>class %s
P = %s
Q = %s
M = %s</source>
        <translation>클래스 %s
P = %s
Q = %s
M = %s</translation>
    </message>
</context>
<context>
    <name>ModelChooser</name>
    <message>
        <location line="-117"/>
        <source>The model the worked example and the explorations are about</source>
        <extracomment>The plugged-in sum lists this many classes; the table has them all. M is written out class by class up to this many classes. The table grows with its rows up to this many, then scrolls. Room around a cell&apos;s text (margins of the item view).</extracomment>
        <translation>풀이 예제와 탐구에서 다룰 모델</translation>
    </message>
</context>
<context>
    <name>OpenedSamples</name>
    <message>
        <location filename="../../document/opened_samples.py" line="+43"/>
        <source>tail (%s other classes)</source>
        <translation>꼬리 (나머지 %s개 클래스)</translation>
    </message>
</context>
<context>
    <name>PredictionsPanel</name>
    <message>
        <location filename="../../panels/predictions_panel.py" line="+10"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean CE</source>
        <translation>평균 CE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± SE</source>
        <translation>± 표준오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean q(true)</source>
        <translation>평균 q(정답)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brier</source>
        <translation>브라이어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∞ samples</source>
        <translation>∞ 샘플</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>max</source>
        <extracomment>The columns of METRIC_HEADERS whose cells have tooltips of their own. The named percentiles of core&apos;s PERCENTILES (the numbered ones need no translation).</extracomment>
        <translation>최댓값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min</source>
        <translation>최솟값</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Share of samples whose most probable class is the true one</source>
        <translation>가장 확률이 높은 클래스가 정답인 샘플의 비율</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>%d samples, %d classes; cross-entropy in %s. With one-hot targets each sample&apos;s cross-entropy is its KL divergence, and mean q(true) ≥ exp(−mean CE in nats).</source>
        <translation>샘플 %d개, 클래스 %d개, 교차 엔트로피 단위 %s. 원-핫 타깃에서는 샘플마다 교차 엔트로피가 곧 KL 발산이며, 평균 q(정답) ≥ exp(−평균 CE, 내트 단위)입니다.</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>Standard error of the mean cross-entropy</source>
        <translation>평균 교차 엔트로피의 표준오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean probability given to the true class</source>
        <translation>정답 클래스에 준 확률의 평균</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Jensen bound</source>
        <translation>옌센 하한</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KL(labels‖mean q)</source>
        <translation>KL(레이블‖평균 q)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Mean of −log q(true class): the cross-entropy, here also the KL divergence, since a one-hot target has H(y) = 0</source>
        <translation>−log q(정답 클래스)의 평균: 교차 엔트로피이며, 원-핫 타깃은 H(y) = 0이므로 여기서는 KL 발산이기도 합니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e^(−mean CE in nats): by Jensen&apos;s inequality, mean q(true) is at least this</source>
        <translation>e^(−평균 CE, 내트 단위): 옌센 부등식에 따라 평균 q(정답)은 이 값 이상입니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brier score: mean of Σ (q_k − y_k)²; lower is better</source>
        <translation>브라이어 점수: Σ (q_k − y_k)²의 평균. 낮을수록 좋습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Samples whose true class got probability 0: infinite cross-entropy, never clipped</source>
        <translation>정답 클래스의 확률이 0인 샘플: 교차 엔트로피가 무한대이며, 잘라내지 않습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KL divergence of the model&apos;s mean predicted distribution from the distribution of the true labels in the model&apos;s own file</source>
        <translation>모델 자신의 파일에 있는 정답 레이블 분포에 대한 모델의 평균 예측 분포의 KL 발산</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean CE(A) − CE(B)</source>
        <translation>평균 CE(A) − CE(B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% interval</source>
        <translation>95% 신뢰 구간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A better in</source>
        <translation>A가 나은 비율</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Percentiles of the per-sample cross-entropy</source>
        <translation>샘플별 교차 엔트로피의 백분위수</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The Comparison tab compares every model&apos;s mean prediction with one reference, %s; the figures here score each model against the labels of its own file.</source>
        <translation>비교 탭은 모든 모델의 평균 예측을 하나의 기준 분포 %s와(과) 비교합니다. 여기 있는 수치는 각 모델을 자기 파일의 레이블로 평가합니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open prediction files (true labels and predicted probabilities) to see per-sample results here.</source>
        <translation>예측 파일(정답 레이블과 예측 확률)을 열면 여기에 샘플별 결과가 나옵니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%d classes; cross-entropy in %s. The files label different samples, so each model is scored against the labels of its own file (see Samples). With one-hot targets each sample&apos;s cross-entropy is its KL divergence, and mean q(true) ≥ exp(−mean CE in nats).</source>
        <translation>클래스 %d개, 교차 엔트로피 단위 %s. 파일마다 레이블이 붙은 샘플이 다르므로 각 모델은 자기 파일의 레이블로 평가합니다(샘플 수 참고). 원-핫 타깃에서는 샘플마다 교차 엔트로피가 곧 KL 발산이며, 평균 q(정답) ≥ exp(−평균 CE, 내트 단위)입니다.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Labels from %s</source>
        <translation>레이블 출처: %s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s %s, against the labels from %s</source>
        <translation>%s %s, 레이블 출처: %s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Samples (0-based): %s%s</source>
        <translation>샘플 (0부터 셈): %s%s</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No paired comparison: the files label different samples.</source>
        <translation>대응 비교 없음: 파일들의 레이블이 서로 다른 샘플에 붙어 있습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No paired comparison: it needs two models or more.</source>
        <translation>쌍 비교 없음: 모델이 둘 이상 필요합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Paired bootstrap over the same samples: %d resamples, seed %d (%s)</source>
        <translation>같은 샘플에 대한 대응 부트스트랩: 재표본 %d회, 시드 %d (%s)</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../tables/ranking_table.py" line="+165"/>
        <source>Rank</source>
        <extracomment>Measures shown as columns, in order. The model column&apos;s widest, in average characters; longer names are elided. Argmax histograms ranked with the models (off: listed after them, unranked).</extracomment>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%s: how often each class is the predicted label (argmax), not the model&apos;s probabilities. One that matches the labels says little of a model: it is not ranked with the models.</source>
        <translation>%s: 각 클래스가 예측 레이블(argmax)이 된 빈도이며, 모델의 확률이 아닙니다. 레이블과 일치해도 모델에 대해 말해 주는 것이 적어 모델과 함께 순위를 매기지 않습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Infinite: the model gives 0 to %s</source>
        <translation>무한대: 모델이 %s에 0을 줍니다</translation>
    </message>
</context>
<context>
    <name>RankingTable</name>
    <message>
        <location line="+13"/>
        <location line="+67"/>
        <source>Ranking</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Click a measure to rank by it</source>
        <translation>척도를 클릭하면 그 척도로 순위를 매깁니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rank the argmax histograms with the models</source>
        <translation>argmax 히스토그램도 모델과 함께 순위 매기기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prediction files give each model&apos;s predicted-label (argmax) histogram too; by default they are listed after the models, unranked</source>
        <translation>예측 파일은 각 모델의 예측 레이블(argmax) 히스토그램도 줍니다. 기본으로는 모델 뒤에 순위 없이 나열됩니다</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+1"/>
        <source>Ranking against %s</source>
        <translation>%s 기준 순위</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>H(P,Q) = H(P) + KL(P‖Q), and H(P) = %s %s does not depend on the model: ranking by cross-entropy gives the same order as ranking by KL.</source>
        <translation>H(P,Q) = H(P) + KL(P‖Q)이고 H(P) = %s %s는 모델과 무관합니다. 따라서 교차 엔트로피로 매긴 순위는 KL로 매긴 순위와 같습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add-k smoothing has no effect: no column holds counts.</source>
        <translation>add-k 평활화는 효과가 없습니다. 개수로 된 열이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smoothing is on (%s): these are not the raw distributions.</source>
        <translation>평활화 적용 중 (%s): 원래 분포의 값이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>SampleDistributionsPanel</name>
    <message>
        <location filename="../../panels/sample_distributions_panel.py" line="+65"/>
        <source>Rank</source>
        <extracomment>The worst samples listed for the chosen candidate. Significant digits of a percentage (83.67 %, 0.6750 %): a share of samples needs no more.</extracomment>
        <translation>순위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Candidate</source>
        <translation>후보</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean KLD</source>
        <translation>평균 KLD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± SE</source>
        <translation>± SE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>99 %</source>
        <translation>99 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max</source>
        <translation>최대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same top</source>
        <translation>최상위 일치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean Δp</source>
        <translation>평균 Δp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RMS Δp</source>
        <translation>RMS Δp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse KL</source>
        <translation>역방향 KL</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+26"/>
        <source>JS</source>
        <translation>JS</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>CE</source>
        <translation>CE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∞ samples</source>
        <translation>∞ 샘플</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close these files and this tab; the table and its history stay as they are</source>
        <translation>이 파일들과 이 탭을 닫습니다. 표와 그 기록은 그대로입니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The candidate whose samples are listed and drawn</source>
        <translation>샘플을 나열하고 그릴 후보</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sample</source>
        <translation>샘플</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KL(P‖Q)</source>
        <translation>KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KL(Q‖P)</source>
        <translation>KL(Q‖P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sample&apos;s index in the files, from 0</source>
        <translation>파일에서 샘플의 번호, 0부터</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a sample to see its distributions and per-class terms</source>
        <translation>샘플을 고르면 분포와 클래스별 항을 봅니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sample </source>
        <translation>샘플 </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show any sample: its index in the files, from 0</source>
        <translation>아무 샘플이나 보기: 파일에서의 번호, 0부터</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose one of the worst samples.</source>
        <translation>가장 나쁜 샘플 하나를 고르세요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>1 is the lowest mean KLD; ties share a rank</source>
        <translation>1이 가장 낮은 평균 KLD입니다. 같으면 순위를 공유합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean over samples of KL(P‖Q), P the reference (llama.cpp&apos;s &quot;Mean KLD&quot;)</source>
        <translation>샘플에 대한 KL(P‖Q)의 평균, P는 기준 (llama.cpp의 &quot;Mean KLD&quot;)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard error of the mean KLD</source>
        <translation>평균 KLD의 표준 오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median of the per-sample KL</source>
        <translation>샘플별 KL의 중앙값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>99th percentile of the per-sample KL (linear interpolation)</source>
        <translation>샘플별 KL의 99번째 백분위수 (선형 보간)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest per-sample KL</source>
        <translation>가장 큰 샘플별 KL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of samples whose most probable class is the reference&apos;s</source>
        <translation>가장 확률이 높은 클래스가 기준과 같은 샘플의 비율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean of q(true) − p(true), where the files give true classes</source>
        <translation>파일에 실제 클래스가 있을 때 q(true) − p(true)의 평균</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root mean square of q(true) − p(true)</source>
        <translation>q(true) − p(true)의 제곱평균제곱근</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean over samples of KL(Q‖P)</source>
        <translation>샘플에 대한 KL(Q‖P)의 평균</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean over samples of the Jensen–Shannon divergence</source>
        <translation>샘플에 대한 젠슨–섀넌 발산의 평균</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean cross-entropy H(P, Q) = H(P) + KL(P‖Q)</source>
        <translation>평균 교차 엔트로피 H(P, Q) = H(P) + KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples whose KL is infinite (q = 0 where p &gt; 0): never clipped</source>
        <translation>KL이 무한대인 샘플 (p &gt; 0인데 q = 0): 절대 잘라 내지 않습니다</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Worst samples of</source>
        <translation>가장 나쁜 샘플:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>File ▸ Open reference and candidates… compares per-sample distributions with a reference&apos;s, sample by sample.</source>
        <translation>파일 ▸ 기준과 후보 열기…는 샘플별 분포를 기준의 분포와 샘플마다 비교합니다.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Reference %s: %s samples, %s classes; KL and entropies in %s.</source>
        <translation>기준 %s: 샘플 %s개, 클래스 %s개. KL과 엔트로피 단위는 %s.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>As llama.cpp does, KL leaves out the terms whose reference log-probability is ≤ −16; nothing is renormalised.</source>
        <translation>llama.cpp처럼, 기준 로그 확률이 −16 이하인 항은 KL에서 뺍니다. 아무것도 재정규화하지 않습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The reference keeps its top k classes and a tail: KL is a lower bound of the full KL.</source>
        <translation>기준은 상위 k개 클래스와 꼬리만 갖고 있습니다: KL은 전체 KL의 하한입니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reference held counts, divided by each sample&apos;s total.</source>
        <translation>기준은 개수를 담고 있어 샘플마다 합계로 나눴습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>n/a</source>
        <translation>해당 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (counts)</source>
        <translation> (개수)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the tail buckets</source>
        <translation>꼬리 버킷</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sample %d: %s against %s, KL(P‖Q) = %s %s</source>
        <translation>샘플 %d: %s 대 %s, KL(P‖Q) = %s %s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (the file&apos;s values sum to %s: the charts draw them normalised, with every term, so their Σ may differ a little from this)</source>
        <translation> (파일의 값 합계는 %s: 차트는 모든 항을 정규화해 그리므로 Σ가 이 값과 조금 다를 수 있습니다)</translation>
    </message>
</context>
<context>
    <name>ShareChart</name>
    <message>
        <location filename="../../charts/share_chart.py" line="+38"/>
        <source>Cumulative share of KL</source>
        <extracomment>Room above the highest share (it may pass 100 % before negative terms bring it back). With more classes than this the k axis is logarithmic (1, 10, 100, …). The y axis is in per cent. Size of the 90 % line&apos;s label, relative to the chart&apos;s font.</extracomment>
        <translation>KL의 누적 비율</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%s %%</source>
        <translation>%s %%</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>share of KL (%)</source>
        <translation>KL 비율 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k classes, largest terms first</source>
        <translation>k개 클래스, 큰 항부터</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No valid input yet: see the table.</source>
        <translation>아직 유효한 입력이 없습니다: 표를 보세요.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>all %s classes (Find a class filters the terms)</source>
        <translation>모든 %s개 클래스 (클래스 찾기는 항을 거릅니다)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all %s classes</source>
        <translation>모든 %s개 클래스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all classes</source>
        <translation>모든 클래스</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a model to compare with %s (Ctrl+Shift+M)</source>
        <translation>%s와(과) 비교할 모델을 추가하세요 (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No model has a finite, non-zero KL: the legend says why.</source>
        <translation>KL이 유한하고 0이 아닌 모델이 없습니다: 범례에 이유가 있습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%s: KL = 0, no class carries any</source>
        <translation>%s: KL = 0, 어떤 클래스도 차지하지 않음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: KL = ∞ (1 class with q = 0)</source>
        <translation>%s: KL = ∞ (q = 0인 클래스 1개)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: KL = ∞ (%s classes with q = 0)</source>
        <translation>%s: KL = ∞ (q = 0인 클래스 %s개)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s: 1 class carries 90 %%</source>
        <translation>%s: 클래스 1개가 90 %%를 차지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s: %s classes carry 90 %%</source>
        <translation>%s: 클래스 %s개가 90 %%를 차지</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the %s largest terms carry:</source>
        <translation>가장 큰 항 %s개가 차지하는 비율:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Terms sorted largest first; the share is of KL itself (the sum of all terms). Negative terms come last and bring it back to 100 %.</source>
        <translation>항을 큰 것부터 정렬합니다. 비율은 KL 자체(모든 항의 합)에 대한 것입니다. 음의 항이 마지막에 와서 100 %로 되돌립니다.</translation>
    </message>
</context>
<context>
    <name>StaleMark</name>
    <message>
        <location filename="../../style/stale_mark.py" line="+35"/>
        <source> (last valid input)</source>
        <extracomment>After the title of a view too narrow for &quot; (last valid input)&quot;. Opacity of a view&apos;s content while it shows the last valid input rather than the current one. Pixels the view needs beside its title (an axis, margins).</extracomment>
        <translation> (마지막 유효 입력)</translation>
    </message>
</context>
<context>
    <name>TopBox</name>
    <message>
        <location filename="../../charts/class_view_bar.py" line="-54"/>
        <source>%s is not a whole number of classes</source>
        <translation>%s은(는) 클래스 수로 쓸 수 있는 정수가 아닙니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at most %d classes are shown; the rest are summed into the “other” bar</source>
        <translation>최대 %d개 클래스를 표시합니다. 나머지는 “기타” 막대로 합칩니다</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not changed: %s</source>
        <translation>바뀌지 않음: %s</translation>
    </message>
</context>
<context>
    <name>WorkedExample</name>
    <message>
        <location filename="../../panels/worked_example.py" line="+206"/>
        <source>One-hot target</source>
        <translation>원-핫 타깃</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Treat P as one-hot on one class, as for a single labelled sample: H(y) = 0, so cross-entropy = KL = −log q_true</source>
        <translation>레이블이 하나인 샘플처럼 P를 한 클래스의 원-핫 분포로 봅니다: H(y) = 0이므로 교차 엔트로피 = KL = −log q_true</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The true class y of the one-hot target</source>
        <translation>원-핫 타깃의 정답 클래스 y</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>q</source>
        <translation>q</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%s(p/q)</source>
        <translation>%s(p/q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>p·%s(p/q)</source>
        <translation>p·%s(p/q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>running sum</source>
        <translation>누적 합</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>There is no model to work through: add one (Edit ▸ Add model, Ctrl+Shift+M) and type its predicted probabilities.</source>
        <translation>풀이할 모델이 없습니다. 모델을 추가하고(편집 ▸ 모델 추가, Ctrl+Shift+M) 예측 확률을 입력하세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No valid input yet: fix the values marked in the table.</source>
        <translation>아직 유효한 입력이 없습니다. 표에 표시된 값을 고치세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s has no valid values yet: fix them in the table.</source>
        <translation>%s에 아직 유효한 값이 없습니다. 표에서 고치세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>⚠ Showing the last valid input: %s</source>
        <translation>⚠ 마지막 유효 입력을 보여 주는 중입니다: %s</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>P = one-hot on the true class &lt;b&gt;%s&lt;/b&gt;, Q = model &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>P = 정답 클래스 &lt;b&gt;%s&lt;/b&gt;의 원-핫, Q = 모델 &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P = reference &lt;b&gt;%s&lt;/b&gt;, Q = model &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>P = 기준 분포 &lt;b&gt;%s&lt;/b&gt;, Q = 모델 &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source> + … (%d more classes: see the table)</source>
        <translation> + … (클래스 %d개 더: 표 참고)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q) = Σ&lt;sub&gt;x&lt;/sub&gt; P(x)·%s(P(x)/Q(x))</source>
        <translation>D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q) = Σ&lt;sub&gt;x&lt;/sub&gt; P(x)·%s(P(x)/Q(x))</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>q = 0 where p &gt; 0: log(p/0) = ∞, so the term and KL are ∞</source>
        <translation>p &gt; 0인데 q = 0: log(p/0) = ∞이므로 이 항과 KL이 ∞입니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>p = 0: the term is 0 (0·log 0 counts as 0)</source>
        <translation>p = 0: 항은 0입니다 (0·log 0은 0으로 봅니다)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Σ = KL(P‖Q)</source>
        <translation>Σ = KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&lt;b&gt;∞&lt;/b&gt; because Q gives probability 0 to %s, where P has p &gt; 0: log(p/0) = ∞. A model that rules out what happens is infinitely surprised. Smoothing (Analysis) keeps q above 0.</source>
        <translation>Q가 %s에 확률 0을 주는데 P에서는 p &gt; 0이므로 &lt;b&gt;∞&lt;/b&gt;입니다: log(p/0) = ∞. 실제로 일어나는 일을 불가능하다고 본 모델은 무한히 놀라게 됩니다. 평활화(분석)를 켜면 q가 0보다 커집니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A class with p = 0 adds 0: 0·log(0/q) counts as 0.</source>
        <translation>p = 0인 클래스는 0을 더합니다: 0·log(0/q)는 0으로 봅니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>One-hot target: H(y) = 0, so CE = KL = −%s q&lt;sub&gt;true&lt;/sub&gt;</source>
        <translation>원-핫 타깃: H(y) = 0이므로 CE = KL = −%s q&lt;sub&gt;true&lt;/sub&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true class y = &lt;b&gt;%s&lt;/b&gt;, q&lt;sub&gt;true&lt;/sub&gt; = %s</source>
        <translation>정답 클래스 y = &lt;b&gt;%s&lt;/b&gt;, q&lt;sub&gt;true&lt;/sub&gt; = %s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>H(y) = %s %s (a certain label carries no uncertainty)</source>
        <translation>H(y) = %s %s (확실한 레이블에는 불확실성이 없습니다)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CE = H(y) + KL = %s + %s = %s %s</source>
        <translation>CE = H(y) + KL = %s + %s = %s %s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>KL = −%s q&lt;sub&gt;true&lt;/sub&gt; = −%s(%s) = &lt;b&gt;%s %s&lt;/b&gt;</source>
        <translation>KL = −%s q&lt;sub&gt;true&lt;/sub&gt; = −%s(%s) = &lt;b&gt;%s %s&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>q&lt;sub&gt;true&lt;/sub&gt; = %s = %s = &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>q&lt;sub&gt;true&lt;/sub&gt; = %s = %s = &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>H(y)</source>
        <translation>H(y)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>H(P)</source>
        <translation>H(P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H(P,Q) = H(P) + D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q)</source>
        <translation>H(P,Q) = H(P) + D&lt;sub&gt;KL&lt;/sub&gt;(P‖Q)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%s is the same for every model: ranking by cross-entropy is ranking by KL.</source>
        <translation>%s는 모든 모델에서 같습니다. 교차 엔트로피로 순위를 매기는 것은 KL로 순위를 매기는 것과 같습니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Equal here, but KL is not symmetric in general.</source>
        <translation>여기서는 같지만, 일반적으로 KL은 대칭이 아닙니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not symmetric: KL(P‖Q) averages log(p/q) over P, KL(Q‖P) averages log(q/p) over Q.</source>
        <translation>대칭이 아닙니다: KL(P‖Q)는 log(p/q)를 P에 대해 평균하고, KL(Q‖P)는 log(q/p)를 Q에 대해 평균합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KL(Q‖P) = ∞: Q gives probability to %s, where p = 0.</source>
        <translation>KL(Q‖P) = ∞: Q가 p = 0인 %s에 확률을 줍니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>KL(P‖Q) ≠ KL(Q‖P)</source>
        <translation>KL(P‖Q) ≠ KL(Q‖P)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>M = (P+Q)/2: see the chart</source>
        <translation>M = (P+Q)/2: 차트 참고</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JS = ½KL(P‖M) + ½KL(Q‖M)</source>
        <translation>JS = ½KL(P‖M) + ½KL(Q‖M)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Symmetric, and never infinite (M &gt; 0 wherever P or Q is): at most %s 2 = %s %s.</source>
        <translation>대칭이며 무한대가 되지 않습니다 (P나 Q가 양수인 곳에서는 M &gt; 0): 최댓값은 %s 2 = %s %s입니다.</translation>
    </message>
</context>
<context>
    <name>_TermsPlot</name>
    <message>
        <location filename="../../charts/contribution_chart.py" line="-258"/>
        <source>Per-class terms</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>No valid input yet: see the table.</source>
        <translation>아직 유효한 입력이 없습니다. 표를 확인하세요.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Add a model to compare with %s (Ctrl+Shift+M)</source>
        <translation>%s와(과) 비교할 모델을 추가하세요 (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No class name contains “%s”</source>
        <translation>이름에 “%s”이(가) 들어간 클래스가 없습니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%s: Σ %s (all classes)</source>
        <translation>%s: Σ %s (모든 클래스)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%s: Σ %s</source>
        <translation>%s: Σ %s</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>KL(%s‖%s)</source>
        <translation>KL(%s‖%s)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%s, the %s other classes
sum of their terms = %s %s
%s = %s %s</source>
        <translation>%s, 나머지 %s개 클래스
항의 합 = %s %s
%s = %s %s</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%s, class %s
p = %s, q = %s
%s = %s %s</source>
        <translation>%s, 클래스 %s
p = %s, q = %s
%s = %s %s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Infinite: the model gives this class probability 0.</source>
        <translation>무한대: 모델이 이 클래스에 확률 0을 줍니다.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../window/error_dialog.py" line="+22"/>
        <source>Unexpected error</source>
        <translation>예상하지 못한 오류</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong that KL Explorer did not expect. Your work is still open; saving it under a new name is a good idea. Please report this with the details.</source>
        <translation>KL Explorer가 예상하지 못한 문제가 생겼습니다. 작업은 아직 열려 있으니 새 이름으로 저장해 두는 것이 좋습니다. 자세한 내용을 첨부해 이 문제를 알려 주세요.</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../charts/chart_export.py" line="+61"/>
        <source>PNG image</source>
        <extracomment>What a file name may end with, and what it gets.</extracomment>
        <translation>PNG 이미지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SVG vector image</source>
        <translation>SVG 벡터 이미지</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the width must be from %d to %d pixels, not %s</source>
        <extracomment>Exports are on white whatever the window shows: slides and paper are white. The logical size used when the widget has none to give (hidden, or a collapsed pane). The largest image side written, in pixels (a 16k × 16k image is 1 GiB in memory). Qt&apos;s logical resolution: a 1× image is 96 dots per inch. Slide shapes: (across, down). The export size preset that keeps the chart&apos;s size in the window. The narrowest export and the range of font scales offered.</extracomment>
        <translation>너비는 %d에서 %d 픽셀 사이여야 합니다. %s이(가) 아니라</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the font scale must be from %s to %s, not %s</source>
        <translation>글자 배율은 %s에서 %s 사이여야 합니다. %s이(가) 아니라</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>no extension</source>
        <translation>확장자 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot export a chart as %s: use %s</source>
        <translation>차트를 %s(으)로 내보낼 수 없습니다. 다음 중 하나를 쓰세요: %s</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Qt could not encode the chart as PNG</source>
        <translation>Qt가 차트를 PNG로 인코딩하지 못했습니다</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the scale must be a number, not %s</source>
        <translation>배율은 숫자여야 합니다 (입력: %s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the scale must be a positive number, not %s</source>
        <translation>배율은 양수여야 합니다 (입력: %s)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a %d × %d pixel image is too large; the limit is %d pixels a side: choose a smaller scale</source>
        <translation>%d × %d 픽셀 이미지는 너무 큽니다. 한 변의 한도는 %d 픽셀이니 더 작은 배율을 고르세요</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <location filename="../../text/measure_names.py" line="+19"/>
        <source>KL(P‖Q)</source>
        <translation>KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KL(Q‖P)</source>
        <translation>KL(Q‖P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>H(P,Q)</source>
        <translation>H(P,Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JS</source>
        <translation>JS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JS distance</source>
        <translation>JS 거리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TV</source>
        <translation>TV</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hellinger</source>
        <translation>헬링거</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bhattacharyya</source>
        <translation>바타차리야</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>χ²</source>
        <translation>χ²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W₁</source>
        <translation>W₁</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KL divergence KL(P‖Q)</source>
        <translation>KL 발산 KL(P‖Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse KL divergence KL(Q‖P)</source>
        <translation>역방향 KL 발산 KL(Q‖P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-entropy H(P,Q)</source>
        <translation>교차 엔트로피 H(P,Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jensen–Shannon divergence</source>
        <translation>젠슨-섀넌 발산</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jensen–Shannon distance</source>
        <translation>젠슨-섀넌 거리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total variation distance</source>
        <translation>총변동 거리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hellinger distance</source>
        <translation>헬링거 거리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bhattacharyya distance</source>
        <translation>바타차리야 거리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pearson χ²(P‖Q)</source>
        <translation>피어슨 카이제곱 χ²(P‖Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wasserstein-1 (ordered classes)</source>
        <translation>바서슈타인-1 거리 (순서 있는 클래스)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Σ p·log(p/q): how far the model Q is from the truth P. 0 only when Q = P.</source>
        <translation>Σ p·log(p/q): 모델 Q가 실제 분포 P에서 얼마나 먼지 나타냅니다. Q = P일 때만 0입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Σ q·log(q/p): KL the other way round; KL is not symmetric.</source>
        <translation>Σ q·log(q/p): 반대 방향의 KL입니다. KL은 대칭이 아닙니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>−Σ p·log q = H(P) + KL(P‖Q): the loss a classifier is trained on.</source>
        <translation>−Σ p·log q = H(P) + KL(P‖Q): 분류기 학습에 쓰는 손실 함수입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>½KL(P‖M) + ½KL(Q‖M) with M = (P+Q)/2: symmetric, at most log 2.</source>
        <translation>M = (P+Q)/2일 때 ½KL(P‖M) + ½KL(Q‖M): 대칭이며 최대 log 2입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The square root of the JS divergence: a true metric.</source>
        <translation>JS 발산의 제곱근으로, 거리 공리를 만족하는 진짜 거리(metric)입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>½Σ|p − q|: the largest difference in probability of any event.</source>
        <translation>½Σ|p − q|: 어떤 사건에서든 두 확률이 가장 크게 차이 나는 값입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sqrt(1 − Σ√(p·q)), between 0 and 1.</source>
        <translation>sqrt(1 − Σ√(p·q)), 0과 1 사이의 값입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>−ln Σ√(p·q), in nats whatever the base.</source>
        <translation>−ln Σ√(p·q), 로그 밑과 관계없이 nats 단위입니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Σ (p − q)²/q: infinite where the model gives 0 to a class P has.</source>
        <translation>Σ (p − q)²/q: P에 있는 클래스에 모델이 0을 주면 무한대입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Earth mover&apos;s distance when the classes are ordered, one unit apart.</source>
        <translation>클래스가 한 칸 간격으로 순서대로 놓여 있을 때의 EMD(earth mover&apos;s distance)입니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unit: %s.</source>
        <translation>단위: %s.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lower is better for every measure. H(P,Q) = H(P) + KL(P‖Q): H(P) is the same for every model, so ranking by cross-entropy is ranking by KL.</source>
        <translation>모든 척도는 낮을수록 좋습니다. H(P,Q) = H(P) + KL(P‖Q)이고 H(P)는 모든 모델에서 같으므로, 교차 엔트로피로 순위를 매기는 것은 KL로 순위를 매기는 것과 같습니다.</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../../files/report_export.py" line="+48"/>
        <source>HTML page</source>
        <translation>HTML 페이지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF document</source>
        <translation>PDF 문서</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>no extension</source>
        <extracomment>Charts are shown this wide (pixels at 96 dpi), whatever the window shows, so the report looks the same every time, and rendered with this many pixels per shown one; their shape and text size are the chart export&apos;s (:func:`report_chart_size`), this one&apos;s without one. Charts side by side in a row. The PDF page: A4 landscape (the tables are wide, the charts sit in one row), margins in mm. QTextDocument lays the page out in logical pixels; the PDF is drawn at this resolution. Classes in the PDF&apos;s table of per-class terms, at most (the page must stay readable): those with the largest terms; the CSV export has them all. The HTML page lists every class up to this many (its table scrolls), then those with the largest terms: 32,000 rows would make a page of megabytes no one reads.</extracomment>
        <translation>확장자 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write a report as %s: use %s</source>
        <translation>보고서를 %s(으)로 쓸 수 없습니다. 다음 중 하나를 쓰세요: %s</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>KL Explorer report</source>
        <translation>KL Explorer 보고서</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unit: &lt;b&gt;%s&lt;/b&gt; · reference: &lt;b&gt;%s&lt;/b&gt; · H(%s) = &lt;b&gt;%s %s&lt;/b&gt; · %s</source>
        <translation>단위: &lt;b&gt;%s&lt;/b&gt; · 기준 분포: &lt;b&gt;%s&lt;/b&gt; · H(%s) = &lt;b&gt;%s %s&lt;/b&gt; · %s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Models best first by %s; lower is better. The best is highlighted.</source>
        <translation>%s 기준으로 좋은 모델부터 나열합니다. 낮을수록 좋으며, 가장 좋은 모델은 강조 표시됩니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Per-class terms</source>
        <translation>클래스별 항</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>p·log(p/q) sums to KL(P‖Q), q·log(q/p) to KL(Q‖P); a negative term means the model gives the class more than P does.</source>
        <translation>p·log(p/q)를 모두 더하면 KL(P‖Q), q·log(q/p)를 모두 더하면 KL(Q‖P)입니다. 음수인 항은 모델이 그 클래스에 P보다 큰 확률을 준다는 뜻입니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%d classes</source>
        <translation>클래스 %d개</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 model</source>
        <translation>모델 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d models</source>
        <translation>모델 %d개</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No models to compare: only the reference.</source>
        <translation>비교할 모델이 없습니다. 기준 분포만 있습니다.</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+201"/>
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>Ranking against %s</source>
        <translation>%s 기준 순위</translation>
    </message>
    <message>
        <location line="+89"/>
        <location line="+201"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>p (%s)</source>
        <translation>p (%s)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The %d classes with the largest terms, in class order; the other %d are in File ▸ Export ▸ Per-class terms as CSV. Σ is over all classes.</source>
        <translation>항이 가장 큰 클래스 %d개를 클래스 순서로 보여 줍니다. 나머지 %d개는 파일 ▸ 내보내기 ▸ 클래스별 항을 CSV로…에 있습니다. Σ는 모든 클래스의 합입니다.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>H(P,Q) = H(P) + KL(P‖Q), and H(P) = %s %s is the same for every model, so ranking by cross-entropy gives the same order as ranking by KL.</source>
        <translation>H(P,Q) = H(P) + KL(P‖Q)이고 H(P) = %s %s는 모든 모델에서 같으므로, 교차 엔트로피로 매긴 순위는 KL로 매긴 순위와 같습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%s: KL(P‖Q) is ∞, the model gives probability 0 to %s, which P has.</source>
        <translation>%s: KL(P‖Q)가 ∞입니다. 모델이 P에 있는 %s에 확률 0을 줍니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Smoothing is on</source>
        <translation>평활화 적용 중</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%s. The numbers are those of the smoothed distributions, not the raw ones.</source>
        <translation>%s. 숫자는 원래 분포가 아니라 평활화한 분포의 값입니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The files label different samples: this ranking and the per-class terms compare every model&apos;s mean prediction with one reference, %s, while the per-sample results below score each model against the labels of its own file.</source>
        <translation>파일마다 레이블이 붙은 샘플이 다릅니다. 이 순위와 클래스별 항은 모든 모델의 평균 예측을 하나의 기준 분포 %s와(과) 비교하고, 아래의 샘플별 결과는 각 모델을 자기 파일의 레이블로 평가합니다.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>1 sample</source>
        <translation>샘플 1개</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%d samples</source>
        <translation>샘플 %d개</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Per-sample results</source>
        <translation>샘플별 결과</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%d samples over %d classes; cross-entropy in %s. With one-hot targets H(y) = 0, so each sample&apos;s cross-entropy is its KL divergence, −log q(true class); and mean q(true) ≥ exp(−mean CE in nats) (Jensen&apos;s inequality).</source>
        <translation>샘플 %d개, 클래스 %d개; 교차 엔트로피 단위는 %s. 원-핫 정답에서는 H(y) = 0이므로 각 샘플의 교차 엔트로피가 곧 KL 발산 −log q(정답 클래스)이고, 평균 q(정답) ≥ exp(−평균 CE, 내트 단위)입니다(옌센 부등식).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%d classes; cross-entropy in %s. The files label different samples, so each model is scored against the labels of its own file: %s. With one-hot targets H(y) = 0, so each sample&apos;s cross-entropy is its KL divergence, −log q(true class); and mean q(true) ≥ exp(−mean CE in nats) (Jensen&apos;s inequality).</source>
        <translation>클래스 %d개; 교차 엔트로피 단위는 %s. 파일마다 레이블이 붙은 샘플이 다르므로 각 모델은 자기 파일의 레이블로 평가합니다: %s. 원-핫 정답에서는 H(y) = 0이므로 각 샘플의 교차 엔트로피가 곧 KL 발산 −log q(정답 클래스)이고, 평균 q(정답) ≥ exp(−평균 CE, 내트 단위)입니다(옌센 부등식).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean CE</source>
        <translation>평균 CE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>± SE</source>
        <translation>± 표준오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median CE</source>
        <translation>CE 중앙값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>95% of CE</source>
        <translation>CE 95%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean q(true)</source>
        <translation>평균 q(정답)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jensen bound</source>
        <translation>옌센 하한</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brier</source>
        <translation>브라이어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∞ samples</source>
        <translation>∞ 샘플</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Paired bootstrap of the difference in mean CE over the same samples: %d resamples, seed %d, %d%% interval.</source>
        <translation>같은 샘플에 대한 평균 CE 차이의 대응 부트스트랩: 재표본 %d개, 시드 %d, %d%% 구간.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean CE(A) − CE(B)</source>
        <translation>평균 CE(A) − CE(B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interval</source>
        <translation>구간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A better in</source>
        <translation>A가 나은 비율</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No paired comparison: the files label different samples.</source>
        <translation>대응 비교 없음: 파일들의 레이블이 서로 다른 샘플에 붙어 있습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%s: samples that give their true class probability 0, so that their cross-entropy is infinite: %d (numbered from 0: %s%s).</source>
        <translation>%s: 정답 클래스에 확률 0을 주어 교차 엔트로피가 무한대인 샘플: %d개 (0부터 센 번호: %s%s).</translation>
    </message>
</context>
<context>
    <name>smoothing</name>
    <message>
        <location filename="../../text/measure_names.py" line="+13"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>additive ε = %s on probabilities</source>
        <translation>확률에 ε = %s 더하기</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>add-k, k = %s, on counts</source>
        <translation>개수에 k = %s 더하기 (add-k)</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <location filename="../../text/value_parsing.py" line="+27"/>
        <source>%s is ambiguous: write %s or %s</source>
        <translation>%s은(는) 모호합니다. %s 또는 %s로 쓰세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%s is not a number</source>
        <translation>%s은(는) 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%s is too small for a double (below 4.9e-324): it would be read as 0</source>
        <translation>%s은(는) double로 나타내기에 너무 작습니다(4.9e-324 미만). 0으로 읽히게 됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%s is too large for a double (above 1.8e308)</source>
        <translation>%s은(는) double로 나타내기에 너무 큽니다(1.8e308 초과)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%s is not a number; type a probability or a count</source>
        <translation>%s은(는) 숫자가 아닙니다. 확률이나 개수를 입력하세요</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the cell is empty; type a number</source>
        <translation>셀이 비어 있습니다. 숫자를 입력하세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%s divides by zero</source>
        <translation>%s은(는) 0으로 나눕니다</translation>
    </message>
</context>
</TS>
