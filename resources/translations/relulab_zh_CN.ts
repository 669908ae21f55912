<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BornDeadTab</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Draw the random networks of every cell and count how many are born dead (Ctrl+Return)</source>
        <translation>为每个格子抽取随机网络，并统计其中有多少生而死亡（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Stop the run; the cells already finished stay in the plot and the table (Esc)</source>
        <translation>停止运行；已完成的格子保留在图和表中（Esc）</translation>
    </message>
    <message>
        <source>Cells finished out of all cells of the grid</source>
        <translation>网格中已完成的格子数 / 全部格子数</translation>
    </message>
    <message>
        <source>What the last run did and how long it took</source>
        <translation>上一次运行做了什么、用了多长时间</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>&amp;Widths N</source>
        <translation>宽度 N(&amp;W)</translation>
    </message>
    <message>
        <source>Units per hidden layer, separated by commas (1 to 128); one curve per width</source>
        <translation>每个隐藏层的单元数，用逗号分隔（1 到 128）；每个宽度一条曲线</translation>
    </message>
    <message>
        <source>De&amp;pths L</source>
        <translation>深度 L(&amp;P)</translation>
    </message>
    <message>
        <source>Numbers of hidden layers, separated by commas (1 to 1000); the points of each curve</source>
        <translation>隐藏层的层数，用逗号分隔（1 到 1000）；即每条曲线上的点</translation>
    </message>
    <message>
        <source>Random networks</source>
        <translation>随机网络</translation>
    </message>
    <message>
        <source>&amp;Networks per cell</source>
        <translation>每格网络数(&amp;N)</translation>
    </message>
    <message>
        <source>Random networks drawn for each width and depth: more networks, narrower error bars</source>
        <translation>每种宽度和深度抽取的随机网络数：网络越多，误差线越窄</translation>
    </message>
    <message>
        <source>&amp;Inputs</source>
        <translation>输入数(&amp;I)</translation>
    </message>
    <message>
        <source>Inputs drawn uniformly in [-1, 1]^d on which every network is evaluated; the corners of the box come on top</source>
        <translation>在 [-1, 1]^d 中均匀抽取的输入，每个网络都在这些输入上求值；另外加上立方体的各个顶点</translation>
    </message>
    <message>
        <source>Input di&amp;mension</source>
        <translation>输入维度(&amp;M)</translation>
    </message>
    <message>
        <source>The dimension d of the inputs: 1 or 2</source>
        <translation>输入的维度 d：1 或 2</translation>
    </message>
    <message>
        <source>Initiali&amp;zation</source>
        <translation>初始化(&amp;Z)</translation>
    </message>
    <message>
        <source>He normal: symmetric weights N(0, 2/fan_in). RAI: Lu et al.&apos;s randomized asymmetric initialization</source>
        <translation>He 正态：对称权重 N(0, 2/fan_in)。RAI：Lu 等人提出的随机非对称初始化</translation>
    </message>
    <message>
        <source>Bi&amp;ases</source>
        <translation>偏置(&amp;A)</translation>
    </message>
    <message>
        <source>He&apos;s biases: zero, or drawn from the layer&apos;s weight distribution (RAI draws its own)</source>
        <translation>He 初始化的偏置：为零，或从该层的权重分布中抽取（RAI 自行抽取偏置）</translation>
    </message>
    <message>
        <source>&amp;Compare He with RAI</source>
        <translation>比较 He 与 RAI(&amp;C)</translation>
    </message>
    <message>
        <source>Run the grid twice, with He normal and with RAI, and draw both (RAI with open squares and dotted lines)</source>
        <translation>用 He 正态和 RAI 各运行一次网格，并同时绘出（RAI 用空心方块和点线）</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>种子(&amp;E)</translation>
    </message>
    <message>
        <source>The seed of the random weights and inputs: the same seed gives the same table</source>
        <translation>随机权重和输入的种子：相同的种子得到相同的表</translation>
    </message>
    <message>
        <source>Probability of being born dead against depth, one curve per width</source>
        <translation>生而死亡的概率随深度的变化，每个宽度一条曲线</translation>
    </message>
    <message>
        <source>Points: the fraction of networks born dead, with its 95 % Wilson interval. Dashed: the oracle 1 − (1 − 2^−N)^L. Crosses: the simulated fraction dead at one input</source>
        <translation>点：生而死亡的网络所占比例及其 95 % Wilson 区间。虚线：理论值 1 − (1 − 2^−N)^L。叉号：在单个输入处死亡比例的模拟值</translation>
    </message>
    <message>
        <source>The results, one row per cell</source>
        <translation>结果，每格一行</translation>
    </message>
    <message>
        <source>One row per width and depth, with the columns of relulab-cli born-dead</source>
        <translation>每种宽度和深度一行，各列与 relulab-cli born-dead 相同</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>Copy as code</source>
        <translation>复制为代码</translation>
    </message>
    <message>
        <source>The same configuration for each framework</source>
        <translation>同一配置在各框架中的写法</translation>
    </message>
    <message>
        <source>&amp;PyTorch</source>
        <translation>&amp;PyTorch</translation>
    </message>
    <message>
        <source>PyTorch code for the current configuration</source>
        <translation>当前配置的 PyTorch 代码</translation>
    </message>
    <message>
        <source>&amp;TensorFlow / Keras</source>
        <translation>&amp;TensorFlow / Keras</translation>
    </message>
    <message>
        <source>Keras 3 code (TensorFlow 2.16 or later) for the current configuration</source>
        <translation>当前配置的 Keras 3 代码（TensorFlow 2.16 或更高版本）</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the code shown to the clipboard, to paste into a notebook</source>
        <translation>把显示的代码复制到剪贴板，以便粘贴到笔记本中</translation>
    </message>
</context>
<context>
    <name>ExportFigureDialog</name>
    <message>
        <source>Export figure</source>
        <translation>导出图形</translation>
    </message>
    <message>
        <source>&amp;Figure</source>
        <translation>图形(&amp;F)</translation>
    </message>
    <message>
        <source>The plot to export (the plots of the tab shown), or the whole window as it is on screen</source>
        <translation>要导出的图（当前标签页中的图），或屏幕上显示的整个窗口</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>PNG: a picture of pixels. PDF and SVG: vector graphics that stay sharp at any size (plots only; the window is a picture inside them)</source>
        <translation>PNG：像素图片。PDF 和 SVG：在任何尺寸下都清晰的矢量图（仅限图；整个窗口在其中是一张图片）</translation>
    </message>
    <message>
        <source>&amp;Width</source>
        <translation>宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Width of the plot as laid out (pixels for PNG, points for PDF and SVG); the whole window keeps its size on screen</source>
        <translation>排版时图的宽度（PNG 以像素计，PDF 和 SVG 以点计）；整个窗口保持其屏幕尺寸</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>&amp;Height</source>
        <translation>高度(&amp;H)</translation>
    </message>
    <message>
        <source>Height of the plot as laid out (pixels for PNG, points for PDF and SVG)</source>
        <translation>排版时图的高度（PNG 以像素计，PDF 和 SVG 以点计）</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>缩放(&amp;S)</translation>
    </message>
    <message>
        <source>PNG only: pixels per unit of width and height (2 gives a sharp picture on a slide or a high-resolution screen)</source>
        <translation>仅限 PNG：每单位宽度和高度的像素数（取 2 可在幻灯片或高分辨率屏幕上得到清晰的图片）</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>文件(&amp;I)</translation>
    </message>
    <message>
        <source>The file to write; its extension follows the format</source>
        <translation>要写入的文件；其扩展名随格式而定</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the file in a file dialog</source>
        <translation>在文件对话框中选择文件</translation>
    </message>
</context>
<context>
    <name>FunctionInfo</name>
    <message>
        <source>ReLU — rectified linear unit</source>
        <translation>ReLU — 线性整流单元</translation>
    </message>
    <message>
        <source>f(x) = max(0, x)</source>
        <translation>f(x) = max(0, x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &amp;gt; 0, else 0</source>
        <translation>当 x &amp;gt; 0 时 f′(x) = 1，否则为 0</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.ReLU()&lt;/code&gt;, &lt;code&gt;torch.relu&lt;/code&gt;; relu(−0.0) = −0.0</source>
        <translation>&lt;code&gt;torch.nn.ReLU()&lt;/code&gt;、&lt;code&gt;torch.relu&lt;/code&gt;；relu(−0.0) = −0.0</translation>
    </message>
    <message>
        <source>&lt;code&gt;tf.nn.relu&lt;/code&gt;, &lt;code&gt;keras.layers.ReLU()&lt;/code&gt;</source>
        <translation>&lt;code&gt;tf.nn.relu&lt;/code&gt;、&lt;code&gt;keras.layers.ReLU()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Nair &amp;amp; Hinton 2010; He initialisation (He et al. 2015) uses std = √(2 / fan_in) to keep the signal&apos;s variance through ReLU layers.</source>
        <translation>Nair &amp;amp; Hinton 2010；He 初始化（He 等人 2015）取标准差 = √(2 / fan_in)，使信号的方差在经过 ReLU 层时保持不变。</translation>
    </message>
    <message>
        <source>Cheapest of all; no saturation for x &amp;gt; 0, so deep networks train; sparse activations.</source>
        <translation>计算代价最低；x &amp;gt; 0 时不饱和，因此深层网络可以训练；激活稀疏。</translation>
    </message>
    <message>
        <source>Zero gradient for x ≤ 0; not zero-centred; a kink at 0.</source>
        <translation>x ≤ 0 时梯度为零；输出不以零为中心；在 0 处有折点。</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>f(x) = x if x &amp;gt; 0, else a·x</source>
        <translation>当 x &amp;gt; 0 时 f(x) = x，否则为 a·x</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &amp;gt; 0, else a</source>
        <translation>当 x &amp;gt; 0 时 f′(x) = 1，否则为 a</translation>
    </message>
    <message>
        <source>f′(0) = a: PyTorch takes the x ≤ 0 branch.</source>
        <translation>f′(0) = a：PyTorch 取 x ≤ 0 分支。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.LeakyReLU(negative_slope=0.01)&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.LeakyReLU(negative_slope=0.01)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;tf.nn.leaky_relu(alpha=0.2)&lt;/code&gt;; the Keras &lt;code&gt;LeakyReLU&lt;/code&gt; layer defaults to 0.3. Same name, three defaults.</source>
        <translation>&lt;code&gt;tf.nn.leaky_relu(alpha=0.2)&lt;/code&gt;；Keras 的 &lt;code&gt;LeakyReLU&lt;/code&gt; 层默认为 0.3。同一个名字，三种默认值。</translation>
    </message>
    <message>
        <source>Maas, Hannun &amp;amp; Ng 2013. For He initialisation with slope a the gain is √(2 / (1 + a²)).</source>
        <translation>Maas, Hannun &amp;amp; Ng 2013。斜率为 a 时，He 初始化的增益为 √(2 / (1 + a²))。</translation>
    </message>
    <message>
        <source>Never a zero gradient, so units below zero can still learn; as cheap as ReLU.</source>
        <translation>梯度从不为零，因此处于零以下的单元仍能学习；计算代价与 ReLU 相同。</translation>
    </message>
    <message>
        <source>One more hyperparameter; with a = 0.01 the gain over ReLU is often small.</source>
        <translation>多了一个超参数；a = 0.01 时相对 ReLU 的提升往往很小。</translation>
    </message>
    <message>
        <source>A unit that is negative on every sample still passes a gradient scaled by a, so it can come back. By the ≤ 0 test it may look dead, yet it keeps learning, slowly.</source>
        <translation>对所有样本都为负的单元仍会传递按 a 缩放的梯度，因此它能恢复。按 ≤ 0 判据它看起来已死亡，但仍在缓慢地学习。</translation>
    </message>
    <message>
        <source>PReLU — parametric ReLU</source>
        <translation>PReLU — 参数化 ReLU</translation>
    </message>
    <message>
        <source>f(x) = x if x &amp;gt; 0, else a·x, with a learned</source>
        <translation>当 x &amp;gt; 0 时 f(x) = x，否则为 a·x，其中 a 可学习</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &amp;gt; 0, else a;   ∂f/∂a = min(x, 0)</source>
        <translation>当 x &amp;gt; 0 时 f′(x) = 1，否则为 a；   ∂f/∂a = min(x, 0)</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.PReLU(num_parameters=1, init=0.25)&lt;/code&gt;: one a per layer, or one per channel</source>
        <translation>&lt;code&gt;torch.nn.PReLU(num_parameters=1, init=0.25)&lt;/code&gt;：每层一个 a，或每个通道一个</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.layers.PReLU()&lt;/code&gt; starts a at 0 with one a per element (&lt;code&gt;shared_axes&lt;/code&gt; to share it).</source>
        <translation>&lt;code&gt;keras.layers.PReLU()&lt;/code&gt; 中 a 从 0 开始，每个元素一个 a（用 &lt;code&gt;shared_axes&lt;/code&gt; 共享）。</translation>
    </message>
    <message>
        <source>He et al. 2015. A shared a collects the gradient of every unit, so it can move fast and even go negative.</source>
        <translation>He 等人 2015。共享的 a 汇集了每个单元的梯度，因此变化很快，甚至会变为负数。</translation>
    </message>
    <message>
        <source>The network chooses its own slope; cheap.</source>
        <translation>由网络自己选择斜率；计算代价低。</translation>
    </message>
    <message>
        <source>Can overfit on small data; a large summed gradient on a shared a can make training unstable; weight decay on a pulls it back towards ReLU.</source>
        <translation>在小数据上可能过拟合；共享 a 上累加的大梯度会使训练不稳定；对 a 做权重衰减会把它拉回 ReLU。</translation>
    </message>
    <message>
        <source>Like Leaky ReLU, a negative unit keeps a gradient a·δ, and a itself learns whether leaking helps. At high learning rates PReLU tends to diverge before it dies.</source>
        <translation>与 Leaky ReLU 一样，为负的单元仍有梯度 a·δ，而 a 本身会学习泄露是否有益。在高学习率下，PReLU 往往在死亡之前就发散了。</translation>
    </message>
    <message>
        <source>RReLU — randomized leaky ReLU</source>
        <translation>RReLU — 随机泄露 ReLU</translation>
    </message>
    <message>
        <source>Training: f(x) = x if x ≥ 0, else a·x with a ~ U(lower, upper) drawn per element on every forward pass.&lt;br&gt;Evaluation: a = (lower + upper) / 2.</source>
        <translation>训练：当 x ≥ 0 时 f(x) = x，否则为 a·x，每次前向传播为每个元素抽取 a ~ U(lower, upper)。&lt;br&gt;评估：a = (lower + upper) / 2。</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &amp;gt; 0, else the drawn a (training) or the mean a (evaluation)</source>
        <translation>当 x &amp;gt; 0 时 f′(x) = 1，否则为抽取的 a（训练）或 a 的均值（评估）</translation>
    </message>
    <message>
        <source>f′(0) = a: PyTorch takes the x ≤ 0 branch (in training mode, the slope drawn for that element).</source>
        <translation>f′(0) = a：PyTorch 取 x ≤ 0 分支（训练模式下为该元素抽取的斜率）。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.RReLU(lower=1/8, upper=1/3)&lt;/code&gt;; evaluation slope 11/48 ≈ 0.2292</source>
        <translation>&lt;code&gt;torch.nn.RReLU(lower=1/8, upper=1/3)&lt;/code&gt;；评估斜率 11/48 ≈ 0.2292</translation>
    </message>
    <message>
        <source>No RReLU layer in Keras: a small custom layer is needed.</source>
        <translation>Keras 中没有 RReLU 层：需要一个小的自定义层。</translation>
    </message>
    <message>
        <source>The random slope regularises, like a little noise; never a zero gradient.</source>
        <translation>随机斜率起正则化作用，就像加入少许噪声；梯度从不为零。</translation>
    </message>
    <message>
        <source>Training and evaluation compute different functions; results depend on the random draws.</source>
        <translation>训练和评估计算的是不同的函数；结果取决于随机抽取。</translation>
    </message>
    <message>
        <source>Negative units always pass a gradient of at least lower·δ, so they can recover; at high learning rates RReLU tends to diverge before it dies.</source>
        <translation>为负的单元总会传递至少 lower·δ 的梯度，因此能够恢复；在高学习率下，RReLU 往往在死亡之前就发散了。</translation>
    </message>
    <message>
        <source>ELU — exponential linear unit</source>
        <translation>ELU — 指数线性单元</translation>
    </message>
    <message>
        <source>f(x) = x if x &amp;gt; 0, else α (eˣ − 1)</source>
        <translation>当 x &amp;gt; 0 时 f(x) = x，否则为 α (eˣ − 1)</translation>
    </message>
    <message>
        <source>f′(x) = 1 if x &amp;gt; 0, else α eˣ</source>
        <translation>当 x &amp;gt; 0 时 f′(x) = 1，否则为 α eˣ</translation>
    </message>
    <message>
        <source>f′(0) = α from the left, 1 from the right: continuous only when α = 1.</source>
        <translation>f′(0) 左侧为 α，右侧为 1：仅当 α = 1 时连续。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.ELU(alpha=1.0)&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.ELU(alpha=1.0)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.layers.ELU(alpha=1.0)&lt;/code&gt;, &lt;code&gt;tf.nn.elu&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.layers.ELU(alpha=1.0)&lt;/code&gt;、&lt;code&gt;tf.nn.elu&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Clevert, Unterthiner &amp;amp; Hochreiter 2015.</source>
        <translation>Clevert, Unterthiner &amp;amp; Hochreiter 2015。</translation>
    </message>
    <message>
        <source>An exponential per element; saturates for very negative x.</source>
        <translation>每个元素要算一次指数；x 很负时饱和。</translation>
    </message>
    <message>
        <source>The gradient α eˣ is never exactly zero, but it fades for very negative inputs: units rarely die, they can starve.</source>
        <translation>梯度 α eˣ 从不严格为零，但对很负的输入会逐渐消失：单元很少死亡，但可能“饿死”。</translation>
    </message>
    <message>
        <source>GELU — Gaussian error linear unit (exact)</source>
        <translation>GELU — 高斯误差线性单元（精确）</translation>
    </message>
    <message>
        <source>f(x) = x Φ(x), Φ the standard normal distribution function</source>
        <translation>f(x) = x Φ(x)，Φ 为标准正态分布函数</translation>
    </message>
    <message>
        <source>f′(x) = Φ(x) + x φ(x)</source>
        <translation>f′(x) = Φ(x) + x φ(x)</translation>
    </message>
    <message>
        <source>f′(0) = 0.5 (smooth).</source>
        <translation>f′(0) = 0.5（光滑）。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.GELU(approximate=&apos;none&apos;)&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.GELU(approximate=&apos;none&apos;)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.gelu(approximate=False)&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.activations.gelu(approximate=False)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Smooth, with a small negative dip; trains well in transformers.</source>
        <translation>光滑，在负半轴有一个小凹陷；在 Transformer 中训练效果好。</translation>
    </message>
    <message>
        <source>Costlier (erf); not monotonic.</source>
        <translation>计算代价较高（erf）；非单调。</translation>
    </message>
    <message>
        <source>Small negative inputs still pass gradient; only far below zero does it fade.</source>
        <translation>较小的负输入仍能传递梯度；只有远低于零时梯度才会消失。</translation>
    </message>
    <message>
        <source>GELU — tanh approximation</source>
        <translation>GELU — tanh 近似</translation>
    </message>
    <message>
        <source>f(x) = x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))</source>
        <translation>f(x) = x/2 · (1 + tanh(√(2/π) (x + 0.044715 x³)))</translation>
    </message>
    <message>
        <source>f′(x) as PyTorch&apos;s gelu_backward for approximate=&apos;tanh&apos;</source>
        <translation>f′(x) 与 PyTorch 在 approximate=&apos;tanh&apos; 时的 gelu_backward 相同</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.GELU(approximate=&apos;tanh&apos;)&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.GELU(approximate=&apos;tanh&apos;)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.gelu(approximate=True)&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.activations.gelu(approximate=True)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Cheaper than erf on some hardware.</source>
        <translation>在某些硬件上比 erf 更快。</translation>
    </message>
    <message>
        <source>An approximation: not exactly the exact GELU.</source>
        <translation>只是近似：与精确 GELU 并不完全相同。</translation>
    </message>
    <message>
        <source>As for the exact GELU.</source>
        <translation>同精确 GELU。</translation>
    </message>
    <message>
        <source>SiLU (swish)</source>
        <translation>SiLU（swish）</translation>
    </message>
    <message>
        <source>f(x) = x σ(x)</source>
        <translation>f(x) = x σ(x)</translation>
    </message>
    <message>
        <source>f′(x) = σ(x) (1 + x (1 − σ(x)))</source>
        <translation>f′(x) = σ(x) (1 + x (1 − σ(x)))</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.SiLU()&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.SiLU()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.silu&lt;/code&gt; (also called swish)</source>
        <translation>&lt;code&gt;keras.activations.silu&lt;/code&gt;（也叫 swish）</translation>
    </message>
    <message>
        <source>Smooth and non-monotonic; strong results in deep vision models.</source>
        <translation>光滑且非单调；在深层视觉模型中效果出色。</translation>
    </message>
    <message>
        <source>An exponential per element.</source>
        <translation>每个元素要算一次指数。</translation>
    </message>
    <message>
        <source>Gradient fades smoothly for negative inputs instead of stopping at zero.</source>
        <translation>对负输入，梯度平滑地减小，而不是在零处截止。</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>f(x) = x tanh(softplus(x))</source>
        <translation>f(x) = x tanh(softplus(x))</translation>
    </message>
    <message>
        <source>f′(x) = tanh(sp) + x σ(x) (1 − tanh²(sp)),  sp = softplus(x)</source>
        <translation>f′(x) = tanh(sp) + x σ(x) (1 − tanh²(sp))，  sp = softplus(x)</translation>
    </message>
    <message>
        <source>f′(0) = tanh(ln 2) = 0.6 (smooth).</source>
        <translation>f′(0) = tanh(ln 2) = 0.6（光滑）。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.Mish()&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.Mish()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.mish&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.activations.mish&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Misra 2019.</source>
        <translation>Misra 2019。</translation>
    </message>
    <message>
        <source>Smooth, self-regularising shape close to SiLU.</source>
        <translation>光滑、具有自正则化特性的形状，与 SiLU 接近。</translation>
    </message>
    <message>
        <source>The costliest here: exp, log1p and tanh per element.</source>
        <translation>这里计算代价最高的：每个元素要算 exp、log1p 和 tanh。</translation>
    </message>
    <message>
        <source>Gradient fades for negative inputs; units do not die outright.</source>
        <translation>对负输入梯度逐渐消失；单元不会彻底死亡。</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>f(x) = ln(1 + eˣ); PyTorch returns x itself when x &amp;gt; 20</source>
        <translation>f(x) = ln(1 + eˣ)；当 x &amp;gt; 20 时 PyTorch 直接返回 x</translation>
    </message>
    <message>
        <source>f′(x) = σ(x) (1 when x &amp;gt; 20)</source>
        <translation>f′(x) = σ(x)（当 x &amp;gt; 20 时为 1）</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.Softplus(beta=1, threshold=20)&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.Softplus(beta=1, threshold=20)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.softplus&lt;/code&gt; (no threshold)</source>
        <translation>&lt;code&gt;keras.activations.softplus&lt;/code&gt;（无阈值）</translation>
    </message>
    <message>
        <source>A smooth ReLU; Dugas et al. 2001.</source>
        <translation>光滑版的 ReLU；Dugas 等人 2001。</translation>
    </message>
    <message>
        <source>Smooth everywhere; always positive.</source>
        <translation>处处光滑；始终为正。</translation>
    </message>
    <message>
        <source>Costlier than ReLU; never exactly sparse.</source>
        <translation>计算代价高于 ReLU；从不严格稀疏。</translation>
    </message>
    <message>
        <source>Its gradient σ(x) is small but positive for negative x.</source>
        <translation>对负的 x，其梯度 σ(x) 很小但为正。</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>σ(x) = 1 / (1 + e⁻ˣ)</source>
        <translation>σ(x) = 1 / (1 + e⁻ˣ)</translation>
    </message>
    <message>
        <source>σ′(x) = σ(x) (1 − σ(x)), at most 0.25</source>
        <translation>σ′(x) = σ(x) (1 − σ(x))，最大为 0.25</translation>
    </message>
    <message>
        <source>σ′(0) = 0.25 (smooth).</source>
        <translation>σ′(0) = 0.25（光滑）。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.Sigmoid()&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.Sigmoid()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.sigmoid&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.activations.sigmoid&lt;/code&gt;</translation>
    </message>
    <message>
        <source>The classic activation before ReLU; today mostly for outputs and gates.</source>
        <translation>ReLU 之前的经典激活函数；如今主要用于输出层和门控。</translation>
    </message>
    <message>
        <source>Bounded output in (0, 1), read as a probability.</source>
        <translation>输出有界，在 (0, 1) 内，可理解为概率。</translation>
    </message>
    <message>
        <source>Saturates at both ends; a derivative of at most 0.25 shrinks gradients layer after layer (vanishing gradients).</source>
        <translation>两端饱和；导数最大只有 0.25，梯度逐层缩小（梯度消失）。</translation>
    </message>
    <message>
        <source>Units do not die by the ≤ 0 test, but saturated units learn next to nothing.</source>
        <translation>按 ≤ 0 判据单元不会死亡，但饱和的单元几乎学不到东西。</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>f(x) = tanh(x)</source>
        <translation>f(x) = tanh(x)</translation>
    </message>
    <message>
        <source>f′(x) = 1 − tanh²(x)</source>
        <translation>f′(x) = 1 − tanh²(x)</translation>
    </message>
    <message>
        <source>f′(0) = 1 (smooth).</source>
        <translation>f′(0) = 1（光滑）。</translation>
    </message>
    <message>
        <source>&lt;code&gt;torch.nn.Tanh()&lt;/code&gt;</source>
        <translation>&lt;code&gt;torch.nn.Tanh()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.activations.tanh&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.activations.tanh&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Zero-centred sigmoid: tanh(x) = 2σ(2x) − 1.</source>
        <translation>以零为中心的 sigmoid：tanh(x) = 2σ(2x) − 1。</translation>
    </message>
    <message>
        <source>Zero-centred, bounded in (−1, 1).</source>
        <translation>以零为中心，有界，在 (−1, 1) 内。</translation>
    </message>
    <message>
        <source>Saturates at both ends: vanishing gradients in deep stacks.</source>
        <translation>两端饱和：在深层堆叠中梯度消失。</translation>
    </message>
    <message>
        <source>As for the sigmoid: saturation, not death.</source>
        <translation>与 sigmoid 相同：是饱和，而非死亡。</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>TensorFlow / Keras</source>
        <translation>TensorFlow / Keras</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Pros</source>
        <translation>优点</translation>
    </message>
    <message>
        <source>Cons</source>
        <translation>缺点</translation>
    </message>
    <message>
        <source>Dead neurons</source>
        <translation>死亡神经元</translation>
    </message>
    <message>
        <source>f′(0) = 0: PyTorch takes the x ≤ 0 branch, and so does mlpack&apos;s ReLU (&lt;code&gt;RectifierFunction::Deriv&lt;/code&gt; tests x &amp;gt; 0). mlpack&apos;s &lt;code&gt;LeakyReLU&lt;/code&gt; layer tests x ≥ 0 instead, so its slope at 0 is 1.</source>
        <translation>f′(0) = 0：PyTorch 取 x ≤ 0 分支，mlpack 的 ReLU 也是如此（&lt;code&gt;RectifierFunction::Deriv&lt;/code&gt; 判断 x &amp;gt; 0）。而 mlpack 的 &lt;code&gt;LeakyReLU&lt;/code&gt; 层判断的是 x ≥ 0，因此它在 0 处的斜率为 1。</translation>
    </message>
    <message>
        <source>f′(0) = a: PyTorch takes the x ≤ 0 branch. mlpack&apos;s &lt;code&gt;LeakyReLU&lt;/code&gt; layer tests x ≥ 0 and takes 1 there.</source>
        <translation>f′(0) = a：PyTorch 取 x ≤ 0 分支。mlpack 的 &lt;code&gt;LeakyReLU&lt;/code&gt; 层判断 x ≥ 0，在 0 处取 1。</translation>
    </message>
    <message>
        <source>Xu et al. 2015 define y = a·x for x &amp;lt; 0 with a ~ U(l, u) and l, u in [0, 1), then sample a from U(3, 8) (the NDSB winner&apos;s setting) and test with x / ((l + u) / 2). The notation is inconsistent: read as a divisor, the slope is 1/a with a ~ U(3, 8), and the test is x / 5.5, a slope of 0.1818. PyTorch draws the slope itself uniformly in [1/8, 1/3] and tests with 0.2292. Same endpoints, different distributions: compare them in the histogram.</source>
        <translation>Xu 等人 2015 定义 x &amp;lt; 0 时 y = a·x，其中 a ~ U(l, u)，l、u 属于 [0, 1)；随后却从 U(3, 8) 中抽取 a（NDSB 竞赛冠军的设置），测试时用 x / ((l + u) / 2)。其记号前后不一致：若把 a 读作除数，斜率就是 1/a，a ~ U(3, 8)，测试时为 x / 5.5，即斜率 0.1818。PyTorch 直接在 [1/8, 1/3] 中均匀抽取斜率，测试时用 0.2292。端点相同，分布不同：请在直方图中比较。</translation>
    </message>
    <message>
        <source>Hendrycks &amp;amp; Gimpel 2016. BERT (google-research/bert, &lt;code&gt;modeling.py&lt;/code&gt;) and GPT-2 (openai/gpt-2, &lt;code&gt;src/model.py&lt;/code&gt;) use GELU in its tanh approximation, not this exact form.</source>
        <translation>Hendrycks &amp;amp; Gimpel 2016。BERT（google-research/bert 的 &lt;code&gt;modeling.py&lt;/code&gt;）和 GPT-2（openai/gpt-2 的 &lt;code&gt;src/model.py&lt;/code&gt;）用的是 GELU 的 tanh 近似，而不是这里的精确形式。</translation>
    </message>
    <message>
        <source>The approximation Hendrycks &amp;amp; Gimpel give in their 2016 paper, and the GELU that BERT (&lt;code&gt;modeling.py&lt;/code&gt;) and GPT-2 (&lt;code&gt;src/model.py&lt;/code&gt;) compute; within 0.001 or so of the exact GELU.</source>
        <translation>Hendrycks &amp;amp; Gimpel 在其 2016 年的论文中给出的近似，也是 BERT（&lt;code&gt;modeling.py&lt;/code&gt;）和 GPT-2（&lt;code&gt;src/model.py&lt;/code&gt;）所计算的 GELU；与精确 GELU 的差约在 0.001 以内。</translation>
    </message>
    <message>
        <source>A unit whose pre-activation is ≤ 0 for every sample gets zero gradient: it is dead. Under plain SGD a unit of the first hidden layer, whose inputs are the fixed data, never comes back; a deeper one can, when the layers before it change its inputs. Momentum and Adam keep moving its weights for a while on the steps they have accumulated, even at zero gradient. A large learning rate or a bad bias pushes whole layers there, and the network&apos;s output becomes constant.</source>
        <translation>若一个单元对所有样本的预激活值都 ≤ 0，它的梯度为零：它死亡了。在普通 SGD 下，第一个隐藏层的单元（其输入是固定的数据）再也不会恢复；更深层的单元则可以恢复，只要它之前的层改变了它的输入。即使梯度为零，动量法和 Adam 仍会凭已累积的步长在一段时间内继续移动它的权重。过大的学习率或不当的偏置会把整层推入这种状态，使网络的输出变为常数。</translation>
    </message>
    <message>
        <source>Hendrycks &amp;amp; Gimpel 2016 first, in the GELU paper, where PyTorch&apos;s and TensorFlow&apos;s docs place the name SiLU; then Elfwing et al. (arXiv 2017, &lt;i&gt;Neural Networks&lt;/i&gt; 2018) and Ramachandran et al. 2017, who called it swish.</source>
        <translation>最早是 Hendrycks &amp;amp; Gimpel 2016 的 GELU 论文，PyTorch 和 TensorFlow 的文档都把 SiLU 这一名称归于该文；随后是 Elfwing 等人（arXiv 2017，&lt;i&gt;Neural Networks&lt;/i&gt; 2018），以及称之为 swish 的 Ramachandran 等人 2017。</translation>
    </message>
    <message>
        <source>For α = 1 continuously differentiable (C¹), though not smooth: f″ jumps from α to 0 at x = 0. Mean activation closer to zero; bounded below by −α.</source>
        <translation>α = 1 时连续可微（C¹），但并不光滑：f″ 在 x = 0 处从 α 跳到 0。平均激活更接近零；下界为 −α。</translation>
    </message>
</context>
<context>
    <name>GradientFlowTab</name>
    <message>
        <source>Run (the lab&apos;s)</source>
        <translation>运行（与实验室共用）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Start or pause training (Space). This is the lab&apos;s run: the Dead neurons tab shows it too.</source>
        <translation>开始或暂停训练（空格键）。这就是实验室的运行：“死亡神经元”标签页也会显示它。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One training step, when paused (S)</source>
        <translation>暂停时训练一步（S）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights of this seed (R)</source>
        <translation>回到该种子的初始权重（R）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <source>The hidden activation of the lab&apos;s network, in every hidden layer</source>
        <translation>实验室网络的隐藏层激活函数，每个隐藏层都使用它</translation>
    </message>
    <message>
        <source>&amp;Compare with</source>
        <translation>对比(&amp;C)</translation>
    </message>
    <message>
        <source>A second network trained beside the run from the same initial weights, with this activation: its depth profile is drawn dashed</source>
        <translation>与本次运行并行、从相同初始权重开始训练的第二个网络，使用此激活函数：其深度剖面以虚线绘出</translation>
    </message>
    <message>
        <source>Hidden &amp;layers</source>
        <translation>隐藏层(&amp;L)</translation>
    </message>
    <message>
        <source>Hidden layers, 1 to 32: vanishing gradients need depth</source>
        <translation>隐藏层的层数，1 到 32：梯度消失需要深度</translation>
    </message>
    <message>
        <source>&amp;Units per layer</source>
        <translation>每层单元数(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Initialization</source>
        <translation>初始化(&amp;I)</translation>
    </message>
    <message>
        <source>Init &amp;gain</source>
        <translation>初始化增益(&amp;G)</translation>
    </message>
    <message>
        <source>Init see&amp;d</source>
        <translation>初始化种子(&amp;D)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <source>Learning &amp;rate</source>
        <translation>学习率(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Weight decay</source>
        <translation>权重衰减(&amp;W)</translation>
    </message>
    <message>
        <source>L&amp;1</source>
        <translation>L1(&amp;1)</translation>
    </message>
    <message>
        <source>How much gradient reaches the first layer</source>
        <translation>有多少梯度到达第一层</translation>
    </message>
    <message>
        <source>Gradient norm of every layer over the training steps</source>
        <translation>每层的梯度范数随训练步数的变化</translation>
    </message>
    <message>
        <source>Gradient norm by layer at the current step, for both activations</source>
        <translation>当前步各层的梯度范数，两种激活函数都画出</translation>
    </message>
    <message>
        <source>Histogram of the activations of every layer</source>
        <translation>每层激活值的直方图</translation>
    </message>
    <message>
        <source>Histogram of the back-propagated gradients of every layer</source>
        <translation>每层反向传播的梯度的直方图</translation>
    </message>
    <message>
        <source>Per layer: gradient norm, true zeros, blocked share, mean and spread of the activations</source>
        <translation>每层：梯度范数、真零比例、阻断比例、激活值的均值与离散程度</translation>
    </message>
</context>
<context>
    <name>LabTab</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One training step, when paused (S)</source>
        <translation>暂停时训练一步（S）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to the initial weights of this seed (R)</source>
        <translation>回到该种子的初始权重（R）</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>速度(&amp;E)</translation>
    </message>
    <message>
        <source>Training steps per frame of animation (60 frames a second), or as fast as the computer can</source>
        <translation>每帧动画的训练步数（每秒 60 帧），或计算机所能达到的最快速度</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Data &amp;set</source>
        <translation>数据集(&amp;S)</translation>
    </message>
    <message>
        <source>The two-dimensional toy problem the network learns to separate</source>
        <translation>网络要学会分开的二维玩具问题</translation>
    </message>
    <message>
        <source>&amp;Points</source>
        <translation>点数(&amp;P)</translation>
    </message>
    <message>
        <source>Training points (the reference experiment uses 1024)</source>
        <translation>训练点数（参考实验用 1024）</translation>
    </message>
    <message>
        <source>&amp;Noise</source>
        <translation>噪声(&amp;N)</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to each coordinate</source>
        <translation>加到每个坐标上的高斯噪声的标准差</translation>
    </message>
    <message>
        <source>Data see&amp;d</source>
        <translation>数据种子(&amp;D)</translation>
    </message>
    <message>
        <source>Seed of the data set (the reference uses 42)</source>
        <translation>数据集的种子（参考实验用 42）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Hidden &amp;layers</source>
        <translation>隐藏层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Units per layer</source>
        <translation>每层单元数(&amp;U)</translation>
    </message>
    <message>
        <source>Units in each hidden layer (1 to 128)</source>
        <translation>每个隐藏层的单元数（1 到 128）</translation>
    </message>
    <message>
        <source>&amp;Activation</source>
        <translation>激活函数(&amp;A)</translation>
    </message>
    <message>
        <source>The hidden layers&apos; activation. Its slope, weight and bounds are the ones set in the function explorer.</source>
        <translation>隐藏层的激活函数。其斜率、权重和上下界取函数浏览器中的设置。</translation>
    </message>
    <message>
        <source>PReLU: &amp;one alpha per unit</source>
        <translation>PReLU：每个单元一个 alpha(&amp;O)</translation>
    </message>
    <message>
        <source>One learnable alpha per unit instead of one per layer (PyTorch&apos;s num_parameters)</source>
        <translation>每个单元一个可学习的 alpha，而非每层一个（即 PyTorch 的 num_parameters）</translation>
    </message>
    <message>
        <source>&amp;Initialisation</source>
        <translation>初始化(&amp;I)</translation>
    </message>
    <message>
        <source>How the weights start: He normal is the reference; RAI is Lu et al.&apos;s remedy for networks born dead</source>
        <translation>权重如何开始：参考实验用 He 正态；RAI 是 Lu 等人针对生而死亡网络提出的补救办法</translation>
    </message>
    <message>
        <source>&amp;Bias</source>
        <translation>偏置(&amp;B)</translation>
    </message>
    <message>
        <source>Initial biases: 0 (the reference) or 0.1, the old advice for ReLU</source>
        <translation>初始偏置：0（参考实验）或 0.1（过去对 ReLU 的建议）</translation>
    </message>
    <message>
        <source>&amp;Weights seed</source>
        <translation>权重种子(&amp;W)</translation>
    </message>
    <message>
        <source>Seed of the initial weights (the reference uses 1)</source>
        <translation>初始权重的种子（参考实验用 1）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新的</translation>
    </message>
    <message>
        <source>A new set of initial weights: the next seed</source>
        <translation>一组新的初始权重：下一个种子</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Opti&amp;miser</source>
        <translation>优化器(&amp;M)</translation>
    </message>
    <message>
        <source>Plain SGD is the reference</source>
        <translation>参考实验用普通 SGD</translation>
    </message>
    <message>
        <source>Learning &amp;rate</source>
        <translation>学习率(&amp;R)</translation>
    </message>
    <message>
        <source>Learning rate, 0.0001 to 10. Raise it while training runs to watch ReLU units die.</source>
        <translation>学习率，0.0001 到 10。在训练过程中调高它，观察 ReLU 单元死亡。</translation>
    </message>
    <message>
        <source>Learning rate on a logarithmic scale, 0.0001 to 10</source>
        <translation>对数刻度上的学习率，0.0001 到 10</translation>
    </message>
    <message>
        <source>Ba&amp;tch</source>
        <translation>批量(&amp;T)</translation>
    </message>
    <message>
        <source>Samples per step: the full batch (the reference) or mini-batches reshuffled every epoch</source>
        <translation>每步的样本数：全批量（参考实验）或每轮重新打乱的小批量</translation>
    </message>
    <message>
        <source>Pre&amp;cision</source>
        <translation>精度(&amp;C)</translation>
    </message>
    <message>
        <source>Floating-point precision of the network&apos;s arithmetic</source>
        <translation>网络运算的浮点精度</translation>
    </message>
    <message>
        <source>Dead units per layer</source>
        <translation>每层的死亡单元</translation>
    </message>
    <message>
        <source>Dead units per layer over training steps</source>
        <translation>每层的死亡单元数随训练步数的变化</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>Loss and accuracy over training steps</source>
        <translation>损失和准确率随训练步数的变化</translation>
    </message>
    <message>
        <source>The network, units coloured by how often they are active</source>
        <translation>网络，单元按其激活的频率着色</translation>
    </message>
    <message>
        <source>Learned PReLU alphas, or RReLU&apos;s slopes</source>
        <translation>学到的 PReLU alpha，或 RReLU 的斜率</translation>
    </message>
    <message>
        <source>Number of hidden layers (1 to 32)</source>
        <translation>隐藏层的层数（1 到 32）</translation>
    </message>
    <message>
        <source>Init &amp;gain</source>
        <translation>初始化增益(&amp;G)</translation>
    </message>
    <message>
        <source>Every initial weight (not the biases) times this, 0.1 to 10. Below 1 a deep network&apos;s signals fade with depth, above 1 they grow; He normal with gain 1 is ReLU&apos;s critical point.</source>
        <translation>每个初始权重（不含偏置）乘以该值，0.1 到 10。小于 1 时深层网络的信号随深度逐层衰减，大于 1 时逐层增大；增益为 1 的 He 正态正是 ReLU 的临界点。</translation>
    </message>
    <message>
        <source>Weight deca&amp;y</source>
        <translation>权重衰减(&amp;Y)</translation>
    </message>
    <message>
        <source>PyTorch&apos;s weight_decay, 0 (off) to 10: every step pulls each weight and bias toward zero by this times its value; PReLU&apos;s alphas are left out. It can be changed while training runs.</source>
        <translation>即 PyTorch 的 weight_decay，0（关闭）到 10：每一步把每个权重和偏置向零拉回该值乘以其自身的量；PReLU 的 alpha 不参与。训练过程中也可以修改。</translation>
    </message>
    <message>
        <source>L&amp;1 regularisation</source>
        <translation>L1 正则化(&amp;1)</translation>
    </message>
    <message>
        <source>L1 strength, 0 (off) to 10: adds this times the sum of |w| over the weights (not the biases) to the loss, which pushes small weights toward zero. It can be changed while training runs.</source>
        <translation>L1 正则化强度，0（关闭）到 10：把该值乘以所有权重（不含偏置）的 |w| 之和加到损失上，把小权重推向零。训练过程中也可以修改。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ReLU Lab</source>
        <translation>ReLU 实验室</translation>
    </message>
    <message>
        <source>Function explorer</source>
        <translation>函数浏览器</translation>
    </message>
    <message>
        <source>Activation function</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The function to explore, drawn boldly. Arrow keys move through the list.</source>
        <translation>要研究的函数，以粗线绘出。用方向键在列表中移动。</translation>
    </message>
    <message>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Tick functions to draw them faintly behind the selected one.</source>
        <translation>勾选函数，将其以浅色绘在所选函数后面。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>&amp;alpha</source>
        <translation>alpha(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;lower</source>
        <translation>lower(&amp;L)</translation>
    </message>
    <message>
        <source>RReLU lower bound of the random slope (PyTorch default 1/8). Pushes the upper bound if it passes it.</source>
        <translation>RReLU 随机斜率的下界（PyTorch 默认 1/8）。超过上界时会推动上界。</translation>
    </message>
    <message>
        <source>&amp;upper</source>
        <translation>upper(&amp;U)</translation>
    </message>
    <message>
        <source>RReLU upper bound of the random slope (PyTorch default 1/3). Pushes the lower bound if it passes it.</source>
        <translation>RReLU 随机斜率的上界（PyTorch 默认 1/3）。越过下界时会推动下界。</translation>
    </message>
    <message>
        <source>RReLU mode</source>
        <translation>RReLU 模式</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Training mode: every element draws its own slope from U(lower, upper) on each forward pass.</source>
        <translation>训练模式：每次前向传播时，每个元素从 U(lower, upper) 中抽取自己的斜率。</translation>
    </message>
    <message>
        <source>&amp;Evaluation</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Evaluation mode: one fixed slope, the mean (lower + upper) / 2.</source>
        <translation>评估模式：一个固定斜率，即均值 (lower + upper) / 2。</translation>
    </message>
    <message>
        <source>&amp;Resample</source>
        <translation>重新抽样(&amp;R)</translation>
    </message>
    <message>
        <source>Draw a new slope for every sample point (training mode).</source>
        <translation>为每个采样点抽取新的斜率（训练模式）。</translation>
    </message>
    <message>
        <source>A&amp;nimate</source>
        <translation>动画(&amp;N)</translation>
    </message>
    <message>
        <source>Resample continuously, as successive training steps would.</source>
        <translation>连续重新抽样，如同连续的训练步。</translation>
    </message>
    <message>
        <source>Plot range</source>
        <translation>绘图范围</translation>
    </message>
    <message>
        <source>x m&amp;in</source>
        <translation>x 最小值(&amp;I)</translation>
    </message>
    <message>
        <source>Left end of the plotted x range.</source>
        <translation>绘图 x 范围的左端。</translation>
    </message>
    <message>
        <source>x ma&amp;x</source>
        <translation>x 最大值(&amp;X)</translation>
    </message>
    <message>
        <source>Right end of the plotted x range.</source>
        <translation>绘图 x 范围的右端。</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>采样点数(&amp;S)</translation>
    </message>
    <message>
        <source>Number of evenly spaced sample points per curve (11 to 100,001). With an odd count and a symmetric range, x = 0 is one of them.</source>
        <translation>每条曲线等间距采样点的个数（11 到 100,001）。个数为奇数且范围对称时，x = 0 是其中之一。</translation>
    </message>
    <message>
        <source>Activation plot</source>
        <translation>激活函数图</translation>
    </message>
    <message>
        <source>Derivative plot</source>
        <translation>导数图</translation>
    </message>
    <message>
        <source>RReLU slope histogram</source>
        <translation>RReLU 斜率直方图</translation>
    </message>
    <message>
        <source>Function information</source>
        <translation>函数信息</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open preset…</source>
        <translation>打开预设(&amp;O)…</translation>
    </message>
    <message>
        <source>Load every parameter of the explorer and the lab from a preset file (.json)</source>
        <translation>从预设文件（.json）载入浏览器和实验室的全部参数</translation>
    </message>
    <message>
        <source>&amp;Save preset</source>
        <translation>保存预设(&amp;S)</translation>
    </message>
    <message>
        <source>Save every parameter of the explorer and the lab to the current preset file</source>
        <translation>把浏览器和实验室的全部参数保存到当前预设文件</translation>
    </message>
    <message>
        <source>Save preset &amp;as…</source>
        <translation>预设另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save every parameter of the explorer and the lab to a new preset file</source>
        <translation>把浏览器和实验室的全部参数保存到新的预设文件</translation>
    </message>
    <message>
        <source>Save &amp;window as PNG…</source>
        <translation>将窗口保存为 PNG(&amp;W)…</translation>
    </message>
    <message>
        <source>Save a picture of the whole window</source>
        <translation>保存整个窗口的图片</translation>
    </message>
    <message>
        <source>Export &amp;figure…</source>
        <translation>导出图形(&amp;F)…</translation>
    </message>
    <message>
        <source>Save a plot of the tab shown, or the whole window, as PNG, PDF or SVG</source>
        <translation>把当前标签页中的图或整个窗口保存为 PNG、PDF 或 SVG</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the explorer&apos;s curves (x, f, f′) or the lab&apos;s training history as CSV</source>
        <translation>把浏览器的曲线（x, f, f′）或实验室的训练历史保存为 CSV</translation>
    </message>
    <message>
        <source>&amp;Copy as code…</source>
        <translation>复制为代码(&amp;C)…</translation>
    </message>
    <message>
        <source>Show the current configuration as PyTorch and Keras code, to copy into a notebook</source>
        <translation>把当前配置显示为 PyTorch 和 Keras 代码，以便复制到笔记本中</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Reset parameters to defaults</source>
        <translation>将参数重置为默认值(&amp;R)</translation>
    </message>
    <message>
        <source>Every parameter of the explorer and the lab back to its default (PyTorch&apos;s, and the reference experiment)</source>
        <translation>浏览器和实验室的全部参数恢复默认值（PyTorch 的默认值及参考实验）</translation>
    </message>
    <message>
        <source>&amp;About ReLU Lab</source>
        <translation>关于 ReLU 实验室(&amp;A)</translation>
    </message>
    <message>
        <source>RReLU&apos;s slopes: the histogram of the drawn slopes against the uniform density 1 / (upper − lower), the original paper&apos;s distribution (its U(3, 8) read as a divisor), and the evaluation slope.</source>
        <translation>RReLU 的斜率：抽取斜率的直方图，对照均匀密度 1 / (upper − lower)、原论文的分布（把其中的 U(3, 8) 读作除数）以及评估斜率。</translation>
    </message>
</context>
<context>
    <name>RaceTab</name>
    <message>
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Start the race, or pause it (Space). A finished race starts again from step 0.</source>
        <translation>开始或暂停竞赛（空格键）。已结束的竞赛从第 0 步重新开始。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to step 0: every lane at the same initial weights again (R). Esc cancels a running race.</source>
        <translation>回到第 0 步：每条赛道重新使用相同的初始权重（R）。Esc 取消正在进行的竞赛。</translation>
    </message>
    <message>
        <source>Ste&amp;ps</source>
        <translation>步数(&amp;P)</translation>
    </message>
    <message>
        <source>Training steps the race runs to; it stops there and fills the finish table</source>
        <translation>竞赛运行的训练步数；到达后停止并填写终点表</translation>
    </message>
    <message>
        <source>How far the race is towards its number of steps</source>
        <translation>竞赛离目标步数还有多远</translation>
    </message>
    <message>
        <source>Race progress</source>
        <translation>竞赛进度</translation>
    </message>
    <message>
        <source>Race status</source>
        <translation>竞赛状态</translation>
    </message>
    <message>
        <source>Starting point</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Settings that show the lesson: choosing one sets the shared settings, the steps and the four rectifiers</source>
        <translation>能展示要点的设置：选择一个会设置共享设置、步数和四个整流函数</translation>
    </message>
    <message>
        <source>Preset starting point</source>
        <translation>预设起点</translation>
    </message>
    <message>
        <source>Acti&amp;vations (one lane each)</source>
        <translation>激活函数（每个一条赛道）(&amp;V)</translation>
    </message>
    <message>
        <source>The hidden activation of each lane; every lane starts from the same weights. Their parameters are the function explorer&apos;s.</source>
        <translation>每条赛道的隐藏层激活函数；所有赛道从相同的权重开始。其参数取函数浏览器中的设置。</translation>
    </message>
    <message>
        <source>Shared settings</source>
        <translation>共享设置</translation>
    </message>
    <message>
        <source>Data &amp;set</source>
        <translation>数据集(&amp;S)</translation>
    </message>
    <message>
        <source>The two-dimensional toy problem every lane learns to separate</source>
        <translation>每条赛道要学会分开的二维玩具问题</translation>
    </message>
    <message>
        <source>Training points (the reference uses 1024)</source>
        <translation>训练点数（参考实验用 1024）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Hidden &amp;layers</source>
        <translation>隐藏层(&amp;L)</translation>
    </message>
    <message>
        <source>× &amp;units</source>
        <translation>× 单元(&amp;U)</translation>
    </message>
    <message>
        <source>Units in each hidden layer (1 to 128)</source>
        <translation>每个隐藏层的单元数（1 到 128）</translation>
    </message>
    <message>
        <source>&amp;Initialisation</source>
        <translation>初始化(&amp;I)</translation>
    </message>
    <message>
        <source>How the weights start, the same draw for every lane: He normal is the reference; RAI is Lu et al.&apos;s remedy for networks born dead</source>
        <translation>权重如何开始，每条赛道相同：参考实验用 He 正态；RAI 是 Lu 等人针对生而死亡网络提出的补救办法</translation>
    </message>
    <message>
        <source>&amp;Bias</source>
        <translation>偏置(&amp;B)</translation>
    </message>
    <message>
        <source>Initial biases: 0 (the reference), 0.1 (the old advice for ReLU) or -1 (a bad start that kills most ReLU units)</source>
        <translation>初始偏置：0（参考实验）、0.1（过去对 ReLU 的建议）或 -1（会杀死大多数 ReLU 单元的糟糕起点）</translation>
    </message>
    <message>
        <source>&amp;Weights seed</source>
        <translation>权重种子(&amp;W)</translation>
    </message>
    <message>
        <source>Seed of the initial weights every lane shares (the reference uses 1)</source>
        <translation>所有赛道共用的初始权重种子（参考实验用 1）</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新的</translation>
    </message>
    <message>
        <source>A new set of initial weights: the next seed</source>
        <translation>一组新的初始权重：下一个种子</translation>
    </message>
    <message>
        <source>&amp;Optimiser</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <source>The optimiser every lane uses (plain SGD is the reference; the presets use Adam)</source>
        <translation>所有赛道使用的优化器（参考实验用普通 SGD；预设用 Adam）</translation>
    </message>
    <message>
        <source>Learning &amp;rate</source>
        <translation>学习率(&amp;R)</translation>
    </message>
    <message>
        <source>Learning rate of every lane, 0.0001 to 10</source>
        <translation>所有赛道的学习率，0.0001 到 10</translation>
    </message>
    <message>
        <source>Learning rate on a logarithmic scale, 0.0001 to 10</source>
        <translation>对数刻度上的学习率，0.0001 到 10</translation>
    </message>
    <message>
        <source>Learning rate (logarithmic)</source>
        <translation>学习率（对数刻度）</translation>
    </message>
    <message>
        <source>Ba&amp;tch</source>
        <translation>批量(&amp;T)</translation>
    </message>
    <message>
        <source>Samples per step: the full batch (the reference) or mini-batches, the same for every lane</source>
        <translation>每步的样本数：全批量（参考实验）或小批量，所有赛道相同</translation>
    </message>
    <message>
        <source>Pre&amp;cision</source>
        <translation>精度(&amp;C)</translation>
    </message>
    <message>
        <source>Floating-point precision of every lane&apos;s arithmetic</source>
        <translation>所有赛道运算的浮点精度</translation>
    </message>
    <message>
        <source>Decision boundaries, one per activation</source>
        <translation>决策边界，每个激活函数一个</translation>
    </message>
    <message>
        <source>Dead units over training steps, one line per activation</source>
        <translation>死亡单元数随训练步数的变化，每个激活函数一条线</translation>
    </message>
    <message>
        <source>Loss over training steps, one line per activation</source>
        <translation>损失随训练步数的变化，每个激活函数一条线</translation>
    </message>
    <message>
        <source>The finish table: each lane at its latest measurement (final once the race reaches its steps)</source>
        <translation>终点表：每条赛道的最新测量值（竞赛达到目标步数后即为最终值）</translation>
    </message>
    <message>
        <source>Finish table</source>
        <translation>终点表</translation>
    </message>
    <message>
        <source>Number of hidden layers (1 to 32)</source>
        <translation>隐藏层的层数（1 到 32）</translation>
    </message>
    <message>
        <source>Init &amp;gain</source>
        <translation>初始化增益(&amp;G)</translation>
    </message>
    <message>
        <source>Every lane&apos;s initial weights (not the biases) times this, 0.1 to 10. Below 1 a deep network&apos;s signals fade with depth, above 1 they grow; He normal with gain 1 is ReLU&apos;s critical point.</source>
        <translation>所有赛道的初始权重（不含偏置）乘以该值，0.1 到 10。小于 1 时深层网络的信号随深度逐层衰减，大于 1 时逐层增大；增益为 1 的 He 正态正是 ReLU 的临界点。</translation>
    </message>
    <message>
        <source>Weight deca&amp;y</source>
        <translation>权重衰减(&amp;Y)</translation>
    </message>
    <message>
        <source>PyTorch&apos;s weight_decay for every lane, 0 (off) to 10: every step pulls each weight and bias toward zero by this times its value; PReLU&apos;s alphas are left out.</source>
        <translation>所有赛道的权重衰减，即 PyTorch 的 weight_decay，0（关闭）到 10：每一步把每个权重和偏置向零拉回该值乘以其自身的量；PReLU 的 alpha 不参与。</translation>
    </message>
    <message>
        <source>L&amp;1 regularisation</source>
        <translation>L1 正则化(&amp;1)</translation>
    </message>
    <message>
        <source>L1 strength for every lane, 0 (off) to 10: adds this times the sum of |w| over the weights (not the biases) to the loss, which pushes small weights toward zero.</source>
        <translation>所有赛道的 L1 正则化强度，0（关闭）到 10：把该值乘以所有权重（不含偏置）的 |w| 之和加到损失上，把小权重推向零。</translation>
    </message>
</context>
<context>
    <name>relulab::app::DataExport</name>
    <message>
        <source>No file name given.</source>
        <translation>没有给出文件名。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>relulab::app::Preset</name>
    <message>
        <source>a number between %1 and %2</source>
        <translation>介于 %1 和 %2 之间的数</translation>
    </message>
    <message>
        <source>a whole number between %1 and %2</source>
        <translation>介于 %1 和 %2 之间的整数</translation>
    </message>
    <message>
        <source>an even whole number between %1 and %2</source>
        <translation>介于 %1 和 %2 之间的偶数</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>一个对象</translation>
    </message>
    <message>
        <source>a whole number between 0 and %1, or a decimal string up to %2 (larger seeds go in strings)</source>
        <translation>介于 0 和 %1 之间的整数，或不超过 %2 的十进制字符串（更大的种子须写成字符串）</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>an array of function names (%1)</source>
        <translation>函数名数组（%1）</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>一个字符串</translation>
    </message>
    <message>
        <source>unknown field %1%2 ignored</source>
        <translation>已忽略未知字段 %1%2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>缺少 %1</translation>
    </message>
    <message>
        <source>%1 must be %2, got %3</source>
        <translation>%1 必须是%2，实际为 %3</translation>
    </message>
    <message>
        <source>one of %1</source>
        <translation>以下之一：%1</translation>
    </message>
    <message>
        <source>explorer.rrelu_lower (%1) is above explorer.rrelu_upper (%2): the lower bound must not exceed the upper one</source>
        <translation>explorer.rrelu_lower（%1）大于 explorer.rrelu_upper（%2）：下界不得超过上界</translation>
    </message>
    <message>
        <source>is %1 bytes, larger than a preset may be (%2 bytes): not opened</source>
        <translation>大小为 %1 字节，超过预设文件的上限（%2 字节）：未打开</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <source>is empty: not a ReLU Lab preset</source>
        <translation>是空文件：不是 ReLU 实验室预设</translation>
    </message>
    <message>
        <source>not JSON: %1 at %2</source>
        <translation>不是 JSON：%1（位于%2）</translation>
    </message>
    <message>
        <source>is a JSON array, not a ReLU Lab preset (a JSON object)</source>
        <translation>是 JSON 数组，不是 ReLU 实验室预设（预设是 JSON 对象）</translation>
    </message>
    <message>
        <source>is a JSON value, not a ReLU Lab preset (a JSON object)</source>
        <translation>是单个 JSON 值，不是 ReLU 实验室预设（预设是 JSON 对象）</translation>
    </message>
    <message>
        <source>format is missing: not a ReLU Lab preset (those say &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>缺少 format：不是 ReLU 实验室预设（预设文件写有 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <source>format must be &quot;%1&quot;, got %2: not a ReLU Lab preset</source>
        <translation>format 必须是 &quot;%1&quot;，实际为 %2：不是 ReLU 实验室预设</translation>
    </message>
    <message>
        <source>version is missing</source>
        <translation>缺少 version</translation>
    </message>
    <message>
        <source>version must be a number, got %1</source>
        <translation>version 必须是数字，实际为 %1</translation>
    </message>
    <message>
        <source>version %1 is not supported: this ReLU Lab reads version %2%3</source>
        <translation>不支持版本 %1：此版 ReLU 实验室读取版本 %2%3</translation>
    </message>
    <message>
        <source> (the file is from a newer one)</source>
        <translation>（该文件来自更新的版本）</translation>
    </message>
    <message>
        <source>is larger than a preset may be (%1 bytes): not opened</source>
        <translation>超过预设文件的上限（%1 字节）：未打开</translation>
    </message>
    <message>
        <source>%1: not saved: the preset would be %2 bytes, larger than a preset may be (%3 bytes); shorten its description</source>
        <translation>%1：未保存：该预设将有 %2 字节，超过上限（%3 字节）；请缩短其描述</translation>
    </message>
    <message>
        <source>%1: not saved, the preset is not valid:
%2</source>
        <translation>%1：未保存，该预设无效：
%2</translation>
    </message>
    <message>
        <source>%1: cannot save: %2</source>
        <translation>%1：无法保存：%2</translation>
    </message>
    <message>
        <source>%1 or one of %2</source>
        <translation>%1 或下列之一：%2</translation>
    </message>
    <message>
        <source>an array of at least one whole number between %1 and %2</source>
        <translation>至少包含一个 %1 到 %2 之间整数的数组</translation>
    </message>
    <message>
        <source>null (no comparison)</source>
        <translation>null（不对比）</translation>
    </message>
    <message>
        <source>null (the user&apos;s own settings)</source>
        <translation>null（用户自己的设置）</translation>
    </message>
    <message>
        <source>%1 lists %2 more than once; each is taken once</source>
        <translation>%1 多次列出 %2；每项只取一次</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
</context>
<context>
    <name>relulab::app::UserFiles</name>
    <message>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>一个 FIFO（命名管道）</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>一个字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>一个块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>一个套接字</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>standard output</source>
        <translation>标准输出</translation>
    </message>
    <message>
        <source>can only be opened once, for writing</source>
        <translation>只能以写入方式打开一次</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>没有给出文件名</translation>
    </message>
    <message>
        <source>is %1: not written</source>
        <translation>是%1：未写入</translation>
    </message>
    <message>
        <source>is not open</source>
        <translation>未打开</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>standard input (&apos;-&apos;) cannot be read here</source>
        <translation>此处不能读取标准输入（&apos;-&apos;）</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <source>is %1, not a regular file: not read</source>
        <translation>是%1，不是普通文件：未读取</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>relulab::ui::BornDeadTab</name>
    <message>
        <source>%1: enter at least one %2, e.g. 2,5,10</source>
        <translation>%1：请至少输入一个%2，例如 2,5,10</translation>
    </message>
    <message>
        <source>%1: there is an empty entry between two commas</source>
        <translation>%1：两个逗号之间有空项</translation>
    </message>
    <message>
        <source>%1: “%2” is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: %2 is not between %3 and %4</source>
        <translation>%1：%2 不在 %3 到 %4 之间</translation>
    </message>
    <message>
        <source>%1: %2 is given twice</source>
        <translation>%1：%2 出现了两次</translation>
    </message>
    <message>
        <source>Press Start to draw the networks.</source>
        <translation>按“开始”抽取网络。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Born dead.&lt;/b&gt; A deep ReLU network with symmetric initialisation is &lt;i&gt;born dead&lt;/i&gt; – some hidden layer is zero at every input, so the network computes a constant and no gradient reaches the layers below it – with a probability that tends to 1 as the depth grows, the faster the narrower the layers (Lu, Shin, Su &amp;amp; Karniadakis 2019, &lt;a href=&apos;https://arxiv.org/abs/1903.06733&apos;&gt;Dying ReLU and Initialization: Theory and Numerical Examples&lt;/a&gt;).&lt;/p&gt;&lt;p&gt;Each point is the fraction of random networks born dead, with its 95 % Wilson interval. With zero biases a network is dead &lt;i&gt;at one given input&lt;/i&gt; with probability exactly 1 − (1 − 2&lt;sup&gt;−N&lt;/sup&gt;)&lt;sup&gt;L&lt;/sup&gt; (dashed): each layer is zero there with probability 2&lt;sup&gt;−N&lt;/sup&gt;. The crosses are that figure simulated. Randomized asymmetric initialization (RAI) keeps far more narrow networks alive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;生而死亡。&lt;/b&gt;采用对称初始化的深层 ReLU 网络会&lt;i&gt;生而死亡&lt;/i&gt;——某个隐藏层在每个输入处都为零，于是网络输出常数，梯度也到达不了它下面的各层——其概率随深度增加而趋于 1，层越窄趋近越快（Lu, Shin, Su &amp;amp; Karniadakis 2019，&lt;a href=&apos;https://arxiv.org/abs/1903.06733&apos;&gt;Dying ReLU and Initialization: Theory and Numerical Examples&lt;/a&gt;）。&lt;/p&gt;&lt;p&gt;每个点是生而死亡的随机网络所占的比例及其 95 % Wilson 区间。偏置为零时，网络&lt;i&gt;在某一给定输入处&lt;/i&gt;死亡的概率恰为 1 − (1 − 2&lt;sup&gt;−N&lt;/sup&gt;)&lt;sup&gt;L&lt;/sup&gt;（虚线）：每层在该处为零的概率为 2&lt;sup&gt;−N&lt;/sup&gt;。叉号是该数值的模拟结果。随机非对称初始化（RAI）能让多得多的窄网络存活。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>1: x in [−1, 1]</source>
        <translation>1：x 属于 [−1, 1]</translation>
    </message>
    <message>
        <source>2: x in [−1, 1]²</source>
        <translation>2：x 属于 [−1, 1]²</translation>
    </message>
    <message>
        <source>He normal (symmetric)</source>
        <translation>He 正态（对称）</translation>
    </message>
    <message>
        <source>RAI (randomized asymmetric)</source>
        <translation>RAI（随机非对称）</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>零</translation>
    </message>
    <message>
        <source>Normal, like the weights</source>
        <translation>正态，与权重相同</translation>
    </message>
    <message>
        <source>depth L (hidden layers)</source>
        <translation>深度 L（隐藏层数）</translation>
    </message>
    <message>
        <source>probability of being born dead</source>
        <translation>生而死亡的概率</translation>
    </message>
    <message>
        <source>The initialisation of this row&apos;s networks</source>
        <translation>本行网络的初始化方式</translation>
    </message>
    <message>
        <source>N, units per hidden layer</source>
        <translation>N，每个隐藏层的单元数</translation>
    </message>
    <message>
        <source>L, hidden layers</source>
        <translation>L，隐藏层数</translation>
    </message>
    <message>
        <source>Random networks drawn for this cell</source>
        <translation>为该格抽取的随机网络数</translation>
    </message>
    <message>
        <source>How many of them were born dead: a hidden layer zero at every sampled input</source>
        <translation>其中生而死亡的个数：某个隐藏层在每个采样输入处都为零</translation>
    </message>
    <message>
        <source>The fraction born dead</source>
        <translation>生而死亡的比例</translation>
    </message>
    <message>
        <source>Lower end of the 95 % Wilson interval of p</source>
        <translation>p 的 95 % Wilson 区间下端</translation>
    </message>
    <message>
        <source>Upper end of the 95 % Wilson interval of p</source>
        <translation>p 的 95 % Wilson 区间上端</translation>
    </message>
    <message>
        <source>The fraction dead at the one input (1, …, 1)</source>
        <translation>在输入 (1, …, 1) 处死亡的比例</translation>
    </message>
    <message>
        <source>1 − (1 − 2^−N)^L: the exact probability of being dead at one input with symmetric weights and zero biases</source>
        <translation>1 − (1 − 2^−N)^L：对称权重、零偏置时在单个输入处死亡的精确概率</translation>
    </message>
    <message>
        <source>Re&amp;start</source>
        <translation>重新开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Widths</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Depths</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Cannot run this grid: %1</source>
        <translation>无法运行此网格：%1</translation>
    </message>
    <message>
        <source>He</source>
        <translation>He</translation>
    </message>
    <message>
        <source>RAI</source>
        <translation>RAI</translation>
    </message>
    <message>
        <source>width N = %1</source>
        <translation>宽度 N = %1</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>oracle 1 − (1 − 2⁻ᴺ)ᴸ</source>
        <translation>理论值 1 − (1 − 2⁻ᴺ)ᴸ</translation>
    </message>
    <message>
        <source>dead at one input</source>
        <translation>在单个输入处死亡</translation>
    </message>
    <message>
        <source>He normal vs RAI</source>
        <translation>He 正态与 RAI 对比</translation>
    </message>
    <message>
        <source>, zero biases</source>
        <translation>，零偏置</translation>
    </message>
    <message>
        <source>, normal biases</source>
        <translation>，正态偏置</translation>
    </message>
    <message>
        <source>Born dead before training: %1%2, d = %3, %4 networks per cell</source>
        <translation>训练前即已死亡：%1%2，d = %3，每格 %4 个网络</translation>
    </message>
    <message>
        <source>Running: %1 of %2 cells · %3 s</source>
        <translation>运行中：%1 / %2 格 · %3 秒</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 cells (%3 s).</source>
        <translation>在完成 %1 / %2 格后取消（%3 秒）。</translation>
    </message>
    <message numerus="yes">
        <source>%1 cells, %2 networks in %3 s on %n thread(s).</source>
        <translation>
            <numerusform>%1 格，%2 个网络，用时 %3 秒，使用 %n 个线程。</numerusform>
        </translation>
    </message>
    <message>
        <source>The run stopped: %1</source>
        <translation>运行停止：%1</translation>
    </message>
</context>
<context>
    <name>relulab::ui::CodeDialog</name>
    <message>
        <source>Close this window</source>
        <translation>关闭此窗口</translation>
    </message>
    <message>
        <source>Keras code copied.</source>
        <translation>已复制 Keras 代码。</translation>
    </message>
    <message>
        <source>PyTorch code copied.</source>
        <translation>已复制 PyTorch 代码。</translation>
    </message>
</context>
<context>
    <name>relulab::ui::CoreText</name>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>RReLU</source>
        <translation>RReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>GELU</source>
        <translation>GELU</translation>
    </message>
    <message>
        <source>GELU (tanh)</source>
        <translation>GELU (tanh)</translation>
    </message>
    <message>
        <source>SiLU</source>
        <translation>SiLU</translation>
    </message>
    <message>
        <source>Mish</source>
        <translation>Mish</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Two spirals</source>
        <translation>双螺旋</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>高斯团簇</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot 均匀</translation>
    </message>
    <message>
        <source>Uniform(-0.5, 0.5), bias 0.1</source>
        <translation>均匀分布(-0.5, 0.5)，偏置 0.1</translation>
    </message>
    <message>
        <source>Randomized asymmetric (RAI)</source>
        <translation>随机非对称（RAI）</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>带动量的 SGD</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>High learning rate</source>
        <translation>高学习率</translation>
    </message>
    <message>
        <source>Deep and narrow</source>
        <translation>深而窄</translation>
    </message>
    <message>
        <source>Bad bias initialisation</source>
        <translation>糟糕的偏置初始化</translation>
    </message>
    <message>
        <source>Adam at learning rate 0.2: within 100 steps ReLU loses nearly every unit and its output goes constant, while Leaky ReLU, PReLU and RReLU lose far fewer and keep learning.</source>
        <translation>Adam，学习率 0.2：100 步之内 ReLU 几乎失去所有单元，输出变为常数；而 Leaky ReLU、PReLU 和 RReLU 失去的单元少得多，并继续学习。</translation>
    </message>
    <message>
        <source>Eight hidden layers of four units: ReLU is born dead (a whole layer is zero on every point, so its output is constant and nothing below it learns), while the others pass a gradient through and learn the spirals.</source>
        <translation>八个隐藏层，每层四个单元：ReLU 生而死亡（一整层在每个点上都为零，因此输出为常数，其下各层什么也学不到）；而其他激活函数能传递梯度，学会螺旋。</translation>
    </message>
    <message>
        <source>Every bias starts at -1: most ReLU units are dead before the first step and stay dead, while the others still get a gradient below zero, revive their units and learn.</source>
        <translation>所有偏置从 -1 开始：大多数 ReLU 单元在第一步之前就已死亡并一直死亡；而其他激活函数在零以下仍有梯度，能让单元复活并学习。</translation>
    </message>
</context>
<context>
    <name>relulab::ui::CurvePlots</name>
    <message>
        <source>f(x)</source>
        <translation>f(x)</translation>
    </message>
    <message>
        <source>f′(x)</source>
        <translation>f′(x)</translation>
    </message>
    <message>
        <source>slope a</source>
        <translation>斜率 a</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>drawn</source>
        <translation>抽取值</translation>
    </message>
    <message>
        <source>U(lower, upper)</source>
        <translation>U(lower, upper)</translation>
    </message>
    <message>
        <source>paper: x / U(1/upper, 1/lower)</source>
        <translation>论文：x / U(1/upper, 1/lower)</translation>
    </message>
    <message>
        <source>● f′(0) = %1: the slope drawn for this element
PyTorch&apos;s convention: x = 0 takes the x ≤ 0 branch</source>
        <translation>● f′(0) = %1：为该元素抽取的斜率
PyTorch 的约定：x = 0 取 x ≤ 0 分支</translation>
    </message>
    <message>
        <source>● f′(0) = %1 (PyTorch&apos;s convention: x = 0 takes the x ≤ 0 branch)
○ one-sided limits %2 (left) and %3 (right)</source>
        <translation>● f′(0) = %1（PyTorch 的约定：x = 0 取 x ≤ 0 分支）
○ 单侧极限 %2（左）和 %3（右）</translation>
    </message>
    <message>
        <source>bars: drawn · line: U(lower, upper) · dots: Xu et al. · bar: eval</source>
        <translation>柱：抽取值 · 线：U(lower, upper) · 点：Xu 等人 · 竖线：评估</translation>
    </message>
    <message numerus="yes">
        <source>%n slopes drawn; evaluation slope %1</source>
        <translation>
            <numerusform>抽取了 %n 个斜率；评估斜率 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>evaluation mode: every slope is %1</source>
        <translation>评估模式：所有斜率均为 %1</translation>
    </message>
    <message>
        <source>Move the mouse over a plot to read x, f(x) and f′(x)</source>
        <translation>将鼠标移到图上可读取 x、f(x) 和 f′(x)</translation>
    </message>
    <message>
        <source>%1   x = %2   f(x) = %3   f′(x) = %4</source>
        <translation>%1   x = %2   f(x) = %3   f′(x) = %4</translation>
    </message>
    <message>
        <source>● f′(0) = %1 (f′ continuous at 0: no convention needed)</source>
        <translation>● f′(0) = %1（f′ 在 0 处连续：无需约定）</translation>
    </message>
</context>
<context>
    <name>relulab::ui::ExportFigureDialog</name>
    <message>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>PNG picture</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <source>PDF document (vector)</source>
        <translation>PDF 文档（矢量）</translation>
    </message>
    <message>
        <source>SVG drawing (vector)</source>
        <translation>SVG 图形（矢量）</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Write the file</source>
        <translation>写入文件</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 点</translation>
    </message>
    <message>
        <source>The picture will be %1 × %2 pixels.</source>
        <translation>图片将为 %1 × %2 像素。</translation>
    </message>
    <message>
        <source>The plot is drawn as vector graphics on a page of %1 × %2 points.</source>
        <translation>图将以矢量图形绘制在 %1 × %2 点的页面上。</translation>
    </message>
    <message>
        <source>The window is drawn as it is on screen; its plots are pictures inside the page.</source>
        <translation>窗口按屏幕上的样子绘制；其中的图在页面内是图片。</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Export figure as</source>
        <translation>将图形导出为</translation>
    </message>
</context>
<context>
    <name>relulab::ui::FigureExport</name>
    <message>
        <source>No file name given.</source>
        <translation>没有给出文件名。</translation>
    </message>
    <message>
        <source>%1: there is nothing to export.</source>
        <translation>%1：没有可导出的内容。</translation>
    </message>
    <message>
        <source>%1: the size %2 × %3 is not between 1 and %4 on each side.</source>
        <translation>%1：尺寸 %2 × %3 的每条边不在 1 到 %4 之间。</translation>
    </message>
    <message>
        <source>%1: the scale %2 is not between %3 and %4.</source>
        <translation>%1：缩放比例 %2 不在 %3 到 %4 之间。</translation>
    </message>
    <message>
        <source>%1: %2 × %3 at scale %4 is more than %5 million pixels.</source>
        <translation>%1：%2 × %3 在缩放比例 %4 下超过了 %5 百万像素。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the %1 could not be drawn</source>
        <translation>无法绘制 %1</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 与 %2 的关系</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>图</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>relulab::ui::GradientFlowTab</name>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ per layer</source>
        <translation>每层的 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>layer (input → output)</source>
        <translation>层（输入 → 输出）</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>activation f(z)</source>
        <translation>激活值 f(z)</translation>
    </message>
    <message>
        <source>log₁₀ |∂ℓ/∂z| (back-propagated)</source>
        <translation>log₁₀ |∂ℓ/∂z|（反向传播）</translation>
    </message>
    <message>
        <source>True zeros</source>
        <translation>真零</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>阻断</translation>
    </message>
    <message>
        <source>Norm of the mean loss&apos;s gradient with respect to the weights into the layer, on the whole training set</source>
        <translation>平均损失对进入该层的权重的梯度范数，在整个训练集上计算</translation>
    </message>
    <message>
        <source>Share of (point, unit) pairs whose activation is exactly 0: ReLU&apos;s sparse code</source>
        <translation>激活值恰好为 0 的 (点, 单元) 对所占的比例：ReLU 的稀疏编码</translation>
    </message>
    <message>
        <source>Share of (point, unit) pairs where |f′(z)| &lt; 0.05: almost no gradient passes (saturated sigmoid or tanh, ReLU&apos;s negative side)</source>
        <translation>|f′(z)| &lt; 0.05 的 (点, 单元) 对所占的比例：几乎没有梯度能通过（饱和的 sigmoid 或 tanh，ReLU 的负半轴）</translation>
    </message>
    <message>
        <source>&lt;p&gt;The gradient of the first layer is a product of one factor per layer above it. Sigmoid&apos;s derivative is at most 1/4, so with depth the product shrinks by orders of magnitude: the first layers stop learning. ReLU&apos;s derivative is exactly 1 wherever a unit is active.&lt;/p&gt;</source>
        <translation>&lt;p&gt;第一层的梯度是一个乘积，其上方每一层各贡献一个因子。Sigmoid 的导数最大只有 1/4，因此随着深度增加，这个乘积会缩小好几个数量级：最前面的几层不再学习。而只要单元处于激活状态，ReLU 的导数就恰好为 1。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>%1, step %2</source>
        <translation>%1，第 %2 步</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>Mean ± std</source>
        <translation>均值 ± 标准差</translation>
    </message>
    <message>
        <source>Mean and standard deviation of the layer&apos;s activations over all points and units</source>
        <translation>该层激活值在所有点和单元上的均值与标准差</translation>
    </message>
    <message>
        <source>%1: layer 1 gets &lt;b&gt;%2&lt;/b&gt;× the gradient of layer %3 · loss %4 · accuracy %5</source>
        <translation>%1：第 1 层得到的梯度是第 %3 层的 &lt;b&gt;%2&lt;/b&gt; 倍 · 损失 %4 · 准确率 %5</translation>
    </message>
    <message>
        <source>out</source>
        <comment>the output layer, as a table&apos;s row label</comment>
        <translation>输出</translation>
    </message>
</context>
<context>
    <name>relulab::ui::HelpBrowser</name>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Function explorer: select the first nine functions of the list (not while typing in a number field)</source>
        <translation>函数浏览器：选择列表中的前九个函数（在数字输入框中输入时除外）</translation>
    </message>
    <message>
        <source>&lt;b&gt;↑&lt;/b&gt; &lt;b&gt;↓&lt;/b&gt; &lt;b&gt;←&lt;/b&gt; &lt;b&gt;→&lt;/b&gt;</source>
        <translation>&lt;b&gt;↑&lt;/b&gt; &lt;b&gt;↓&lt;/b&gt; &lt;b&gt;←&lt;/b&gt; &lt;b&gt;→&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Function explorer: move through the list of functions</source>
        <translation>函数浏览器：在函数列表中移动</translation>
    </message>
    <message>
        <source>Dead-neuron lab: play or pause training</source>
        <translation>死亡神经元实验室：开始或暂停训练</translation>
    </message>
    <message>
        <source>Dead-neuron lab: one training step</source>
        <translation>死亡神经元实验室：训练一步</translation>
    </message>
    <message>
        <source>Dead-neuron lab: reset the run to step 0</source>
        <translation>死亡神经元实验室：将运行重置到第 0 步</translation>
    </message>
    <message>
        <source>Show the first to the fifth tab (Ctrl+Tab and Ctrl+Page Down show the next one)</source>
        <translation>显示第一至第五个标签页（Ctrl+Tab 和 Ctrl+Page Down 显示下一个）</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>退出演示模式</translation>
    </message>
    <message>
        <source>&lt;b&gt;Alt&lt;/b&gt; + underlined letter</source>
        <translation>&lt;b&gt;Alt&lt;/b&gt; + 带下划线的字母</translation>
    </message>
    <message>
        <source>The control or menu whose label has that letter underlined</source>
        <translation>标签中该字母带下划线的控件或菜单</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目录(&amp;C)</translation>
    </message>
    <message>
        <source>Formulas, framework defaults, dead neurons, He initialisation, references and keyboard shortcuts</source>
        <translation>公式、框架默认值、死亡神经元、He 初始化、参考文献和键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut of ReLU Lab</source>
        <translation>ReLU 实验室的全部键盘快捷键</translation>
    </message>
    <message>
        <source>ReLU Lab help</source>
        <translation>ReLU 实验室帮助</translation>
    </message>
    <message>
        <source>The functions: formulas, derivatives, pros and cons</source>
        <translation>函数：公式、导数、优缺点</translation>
    </message>
    <message>
        <source>Framework defaults</source>
        <translation>框架默认值</translation>
    </message>
    <message>
        <source>Dead neurons</source>
        <translation>死亡神经元</translation>
    </message>
    <message>
        <source>He initialisation</source>
        <translation>He 初始化</translation>
    </message>
    <message>
        <source>References</source>
        <translation>参考文献</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>The functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Each function as the explorer computes it, following PyTorch, including the value its derivative takes at exactly x = 0.</source>
        <translation>每个函数都按浏览器的计算方式给出，遵循 PyTorch，包括导数在 x = 0 处恰好取的值。</translation>
    </message>
    <message>
        <source>The same name does not mean the same default. A Leaky ReLU copied from a Keras model into PyTorch changes its slope thirtyfold unless the value is written out.</source>
        <translation>同名并不意味着默认值相同。把 Keras 模型中的 Leaky ReLU 照搬到 PyTorch，若不写明数值，斜率会相差三十倍。</translation>
    </message>
    <message>
        <source>How units die: one large update (a high learning rate, a loss spike) pushes the bias or the weights so far that the unit is negative everywhere; a large negative bias; or the initialisation itself — in a deep, narrow network a whole layer can be zero for every input before training starts, and then the output is constant (born dead, Lu et al. 2019). A network with a dead layer predicts one value for every input: for balanced classes, a loss of ln 2 ≈ 0.693 and 50 % accuracy.</source>
        <translation>单元如何死亡：一次很大的更新（学习率过高、损失突增）把偏置或权重推得太远，使该单元处处为负；很大的负偏置；或者初始化本身——在深而窄的网络中，训练开始前就可能有一整层对每个输入都为零，于是输出为常数（生而死亡，Lu 等人 2019）。含有死亡层的网络对每个输入都预测同一个值：对于平衡的类别，损失为 ln 2 ≈ 0.693，准确率为 50 %。</translation>
    </message>
    <message>
        <source>What helps: a smaller learning rate or a warm-up; activations with a gradient for x &amp;lt; 0 (Leaky ReLU, PReLU, RReLU, ELU, GELU, SiLU); He initialisation, wider layers, or asymmetric initialisations such as RAI; a small positive bias such as 0.1; normalisation layers. For Leaky ReLU and its relatives a unit negative on every input is not truly dead: its gradient is a·δ, small but not zero, and it can recover.</source>
        <translation>有效的办法：更小的学习率或预热；在 x &amp;lt; 0 时有梯度的激活函数（Leaky ReLU、PReLU、RReLU、ELU、GELU、SiLU）；He 初始化、更宽的层，或 RAI 等非对称初始化；0.1 这样的小正偏置；归一化层。对于 Leaky ReLU 及其同类，对每个输入都为负的单元并没有真正死亡：它的梯度是 a·δ，虽小但不为零，因而可以恢复。</translation>
    </message>
    <message>
        <source>He initialisation keeps the variance right on average; it does not prevent a narrow layer from being zero for every input. That is what Lu et al. (2019) quantify, and why they propose the randomized asymmetric initialisation (RAI), one of the lab&apos;s choices.</source>
        <translation>He 初始化只在平均意义上保持方差正确；它并不能防止窄层对每个输入都为零。这正是 Lu 等人（2019）定量分析的问题，也是他们提出随机非对称初始化（RAI）的原因，RAI 也是实验室的选项之一。</translation>
    </message>
    <message>
        <source>Nair, V. and Hinton, G. E. (2010). Rectified linear units improve restricted Boltzmann machines. &lt;i&gt;ICML 2010&lt;/i&gt;.</source>
        <translation>Nair, V. and Hinton, G. E. (2010). Rectified linear units improve restricted Boltzmann machines. &lt;i&gt;ICML 2010&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Maas, A. L., Hannun, A. Y. and Ng, A. Y. (2013). Rectifier nonlinearities improve neural network acoustic models. &lt;i&gt;ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing&lt;/i&gt;. (Leaky ReLU)</source>
        <translation>Maas, A. L., Hannun, A. Y. and Ng, A. Y. (2013). Rectifier nonlinearities improve neural network acoustic models. &lt;i&gt;ICML 2013 Workshop on Deep Learning for Audio, Speech and Language Processing&lt;/i&gt;.（Leaky ReLU）</translation>
    </message>
    <message>
        <source>He, K., Zhang, X., Ren, S. and Sun, J. (2015). Delving deep into rectifiers: surpassing human-level performance on ImageNet classification. &lt;i&gt;ICCV 2015&lt;/i&gt;, arXiv:1502.01852. (PReLU, He initialisation)</source>
        <translation>He, K., Zhang, X., Ren, S. and Sun, J. (2015). Delving deep into rectifiers: surpassing human-level performance on ImageNet classification. &lt;i&gt;ICCV 2015&lt;/i&gt;, arXiv:1502.01852.（PReLU、He 初始化）</translation>
    </message>
    <message>
        <source>Xu, B., Wang, N., Chen, T. and Li, M. (2015). Empirical evaluation of rectified activations in convolutional network. arXiv:1505.00853. (RReLU)</source>
        <translation>Xu, B., Wang, N., Chen, T. and Li, M. (2015). Empirical evaluation of rectified activations in convolutional network. arXiv:1505.00853.（RReLU）</translation>
    </message>
    <message>
        <source>Lu, L., Shin, Y., Su, Y. and Karniadakis, G. E. (2019). Dying ReLU and initialization: theory and numerical examples. arXiv:1903.06733. (Born dead, RAI)</source>
        <translation>Lu, L., Shin, Y., Su, Y. and Karniadakis, G. E. (2019). Dying ReLU and initialization: theory and numerical examples. arXiv:1903.06733.（生而死亡、RAI）</translation>
    </message>
    <message>
        <source>Glorot, X. and Bengio, Y. (2010). Understanding the difficulty of training deep feedforward neural networks. &lt;i&gt;AISTATS 2010&lt;/i&gt;.</source>
        <translation>Glorot, X. and Bengio, Y. (2010). Understanding the difficulty of training deep feedforward neural networks. &lt;i&gt;AISTATS 2010&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>帮助文本</translation>
    </message>
    <message>
        <source>Click a title in the contents to go to its section</source>
        <translation>点击目录中的标题可跳转到相应章节</translation>
    </message>
    <message>
        <source>Close the help window</source>
        <translation>关闭帮助窗口</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <source>TensorFlow / Keras</source>
        <translation>TensorFlow / Keras</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.ReLU()&lt;/code&gt;; ReLU′(0) = 0</source>
        <translation>&lt;code&gt;nn.ReLU()&lt;/code&gt;；ReLU′(0) = 0</translation>
    </message>
    <message>
        <source>&lt;code&gt;tf.nn.relu&lt;/code&gt;, &lt;code&gt;keras.layers.ReLU()&lt;/code&gt;</source>
        <translation>&lt;code&gt;tf.nn.relu&lt;/code&gt;、&lt;code&gt;keras.layers.ReLU()&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.LeakyReLU(negative_slope=0.01)&lt;/code&gt;</source>
        <translation>&lt;code&gt;nn.LeakyReLU(negative_slope=0.01)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.layers.LeakyReLU&lt;/code&gt;: &lt;b&gt;0.3&lt;/b&gt; (the argument is &lt;code&gt;alpha&lt;/code&gt; in Keras 2, &lt;code&gt;negative_slope&lt;/code&gt; in Keras 3); &lt;code&gt;tf.nn.leaky_relu&lt;/code&gt;: &lt;b&gt;0.2&lt;/b&gt;; Keras 3&apos;s &lt;code&gt;keras.activations.leaky_relu&lt;/code&gt; and &lt;code&gt;keras.ops.leaky_relu&lt;/code&gt;: &lt;b&gt;0.2&lt;/b&gt;</source>
        <translation>&lt;code&gt;keras.layers.LeakyReLU&lt;/code&gt;：&lt;b&gt;0.3&lt;/b&gt;（参数在 Keras 2 中名为 &lt;code&gt;alpha&lt;/code&gt;，在 Keras 3 中名为 &lt;code&gt;negative_slope&lt;/code&gt;）；&lt;code&gt;tf.nn.leaky_relu&lt;/code&gt;：&lt;b&gt;0.2&lt;/b&gt;；Keras 3 的 &lt;code&gt;keras.activations.leaky_relu&lt;/code&gt; 和 &lt;code&gt;keras.ops.leaky_relu&lt;/code&gt;：&lt;b&gt;0.2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.PReLU(num_parameters=1, init=0.25)&lt;/code&gt;: one a per layer (or per channel)</source>
        <translation>&lt;code&gt;nn.PReLU(num_parameters=1, init=0.25)&lt;/code&gt;：每层一个 a（或每个通道一个）</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.layers.PReLU()&lt;/code&gt;: a starts at 0, one per element unless &lt;code&gt;shared_axes&lt;/code&gt; is given</source>
        <translation>&lt;code&gt;keras.layers.PReLU()&lt;/code&gt;：a 的初始值为 0，除非给出 &lt;code&gt;shared_axes&lt;/code&gt;，否则每个元素一个</translation>
    </message>
    <message>
        <source>RReLU</source>
        <translation>RReLU</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.RReLU(lower=1/8, upper=1/3)&lt;/code&gt;; evaluation slope (lower + upper) / 2 = 11/48 ≈ 0.2292</source>
        <translation>&lt;code&gt;nn.RReLU(lower=1/8, upper=1/3)&lt;/code&gt;；评估斜率 (lower + upper) / 2 = 11/48 ≈ 0.2292</translation>
    </message>
    <message>
        <source>none: a small custom layer</source>
        <translation>无：需要一个小的自定义层</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.ELU(alpha=1.0)&lt;/code&gt;</source>
        <translation>&lt;code&gt;nn.ELU(alpha=1.0)&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.layers.ELU(alpha=1.0)&lt;/code&gt;, &lt;code&gt;tf.nn.elu&lt;/code&gt;</source>
        <translation>&lt;code&gt;keras.layers.ELU(alpha=1.0)&lt;/code&gt;、&lt;code&gt;tf.nn.elu&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Weights of a dense layer</source>
        <translation>全连接层的权重</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.Linear&lt;/code&gt;: &lt;code&gt;kaiming_uniform_(a=√5)&lt;/code&gt;, which is U(−1/√fan_in, 1/√fan_in), not He</source>
        <translation>&lt;code&gt;nn.Linear&lt;/code&gt;：&lt;code&gt;kaiming_uniform_(a=√5)&lt;/code&gt;，即 U(−1/√fan_in, 1/√fan_in)，并非 He 初始化</translation>
    </message>
    <message>
        <source>&lt;code&gt;Dense&lt;/code&gt;: Glorot (Xavier) uniform</source>
        <translation>&lt;code&gt;Dense&lt;/code&gt;：Glorot（Xavier）均匀分布</translation>
    </message>
    <message>
        <source>&lt;code&gt;nn.init.kaiming_normal_(w, a=0, mode=&apos;fan_in&apos;, nonlinearity=&apos;leaky_relu&apos;)&lt;/code&gt;: std √2 / √fan_in</source>
        <translation>&lt;code&gt;nn.init.kaiming_normal_(w, a=0, mode=&apos;fan_in&apos;, nonlinearity=&apos;leaky_relu&apos;)&lt;/code&gt;：标准差 √2 / √fan_in</translation>
    </message>
    <message>
        <source>&lt;code&gt;keras.initializers.HeNormal()&lt;/code&gt;: truncated normal, std √(2 / fan_in)</source>
        <translation>&lt;code&gt;keras.initializers.HeNormal()&lt;/code&gt;：截断正态分布，标准差 √(2 / fan_in)</translation>
    </message>
    <message>
        <source>A ReLU unit is &lt;b&gt;dead&lt;/b&gt; when its pre-activation w·x + b is ≤ 0 for every training input. Its output is then 0 everywhere and its gradient too, so plain SGD never changes its weights again: a unit of the first hidden layer, whose inputs are the fixed data, stays dead for good; a deeper unit comes back only if the layers before it change its inputs. With momentum or Adam its weights keep moving for a while on the steps already accumulated, which can revive it or push it further down. The lab counts dead units per layer with exactly this test.</source>
        <translation>当一个 ReLU 单元的预激活值 w·x + b 对每个训练输入都 ≤ 0 时，它就&lt;b&gt;死亡&lt;/b&gt;了。此时它的输出处处为 0，梯度也为 0，因此普通 SGD 再也不会改变它的权重：第一个隐藏层的单元（其输入是固定的数据）会永远死亡；更深层的单元只有在它之前的层改变了它的输入时才会恢复。使用动量法或 Adam 时，它的权重还会凭已累积的步长继续移动一段时间，这可能使它复活，也可能把它推得更深。实验室正是用这一判据统计每层的死亡单元。</translation>
    </message>
    <message>
        <source>ReLU sets half of a symmetric input to zero, so it halves the second moment of the signal in every layer. He et al. (2015) compensate with weights of variance 2 / fan_in (std √(2 / fan_in)); the signal then keeps its scale through any number of layers. Glorot and Bengio&apos;s (2010) variance 2 / (fan_in + fan_out), derived for symmetric activations such as tanh, is LeCun&apos;s 1 / fan_in when fan_in = fan_out: through ReLU it halves the signal&apos;s second moment in every layer. For Leaky ReLU and PReLU with slope a the variance is 2 / ((1 + a²) · fan_in).</source>
        <translation>ReLU 把对称输入的一半置零，因此每一层都会使信号的二阶矩减半。He 等人（2015）用方差为 2 / fan_in（标准差 √(2 / fan_in)）的权重加以补偿；这样信号经过任意多层都能保持其尺度。Glorot 与 Bengio（2010）的方差 2 / (fan_in + fan_out) 是针对 tanh 这类对称激活函数推导的，当 fan_in = fan_out 时它就是 LeCun 的 1 / fan_in：经过 ReLU 时，它会使信号的二阶矩每层减半。对于斜率为 a 的 Leaky ReLU 和 PReLU，方差为 2 / ((1 + a²) · fan_in)。</translation>
    </message>
    <message>
        <source>LeCun, Y., Bottou, L., Orr, G. B. and Müller, K.-R. (1998). Efficient BackProp. In &lt;i&gt;Neural Networks: Tricks of the Trade&lt;/i&gt;, Springer. (Variance 1 / fan_in)</source>
        <translation>LeCun, Y., Bottou, L., Orr, G. B. and Müller, K.-R. (1998). Efficient BackProp. In &lt;i&gt;Neural Networks: Tricks of the Trade&lt;/i&gt;, Springer.（方差 1 / fan_in）</translation>
    </message>
</context>
<context>
    <name>relulab::ui::LabTab</name>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) per frame</source>
        <translation>
            <numerusform>每帧 %n 步</numerusform>
        </translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>dead units</source>
        <translation>死亡单元数</translation>
    </message>
    <message>
        <source>loss (BCE)</source>
        <translation>损失（BCE）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>Cannot train this configuration: %1</source>
        <translation>无法训练此配置：%1</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#B71C1C&apos;&gt;diverged: no dead-unit count&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#B71C1C&apos;&gt;已发散：无死亡单元计数&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:%1&apos;&gt;L%2&lt;/span&gt; &lt;b&gt;%3&lt;/b&gt;/%4</source>
        <translation>&lt;span style=&apos;color:%1&apos;&gt;L%2&lt;/span&gt; &lt;b&gt;%3&lt;/b&gt;/%4</translation>
    </message>
    <message>
        <source>Dead units: %1</source>
        <translation>死亡单元：%1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;small&gt;%n of them still get a gradient (dead only by the ≤ 0 test)&lt;/small&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;small&gt;其中 %n 个仍有梯度（仅按 ≤ 0 判据为死亡）&lt;/small&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;small style=&apos;color:#B71C1C&apos;&gt;the output is the same for every point&lt;/small&gt;</source>
        <translation>&lt;br&gt;&lt;small style=&apos;color:#B71C1C&apos;&gt;输出对每个点都相同&lt;/small&gt;</translation>
    </message>
    <message>
        <source>PReLU: the learned alpha of each layer</source>
        <translation>PReLU：每层学到的 alpha</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>RReLU: training draws a ~ U(%1, %2); evaluation uses %3</source>
        <translation>RReLU：训练时抽取 a ~ U(%1, %2)；评估时用 %3</translation>
    </message>
    <message>
        <source>negative-side slope a</source>
        <translation>负半轴斜率 a</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>Run %1 · step %2</source>
        <translation>第 %1 次运行 · 第 %2 步</translation>
    </message>
    <message>
        <source> · %1 steps/s</source>
        <translation> · 每秒 %1 步</translation>
    </message>
    <message>
        <source>&lt;br&gt;loss %1 · train %2 %</source>
        <translation>&lt;br&gt;损失 %1 · 训练 %2 %</translation>
    </message>
    <message>
        <source> · test %1 %</source>
        <translation> · 测试 %1 %</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Training diverged at step %1: the loss or the weights are no longer finite. The run is paused; lower the learning rate and press Reset.</source>
        <translation>训练在第 %1 步发散：损失或权重已不再是有限值。运行已暂停；请降低学习率并按“重置”。</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message numerus="yes">
        <source>Dead units: &lt;b&gt;%Ln&lt;/b&gt; of %1 (%2 %)</source>
        <translation>
            <numerusform>死亡单元：&lt;b&gt;%Ln&lt;/b&gt; / %1（%2 %）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>most in &lt;span style=&apos;color:%1&apos;&gt;layer %2&lt;/span&gt; (&lt;b&gt;%Ln&lt;/b&gt; of %3)</source>
        <translation>
            <numerusform>最多在&lt;span style=&apos;color:%1&apos;&gt;第 %2 层&lt;/span&gt;（&lt;b&gt;%Ln&lt;/b&gt; / %3）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>relulab::ui::Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the interface; it changes at once and is remembered.</source>
        <translation>界面语言；立即切换，并会被记住。</translation>
    </message>
</context>
<context>
    <name>relulab::ui::Lessons</name>
    <message>
        <source>ReLU and its derivative</source>
        <translation>ReLU 及其导数</translation>
    </message>
    <message>
        <source>ReLU passes a positive input unchanged and replaces a negative one by zero: f(x) = max(0, x). Its derivative is a step, 1 for x &amp;gt; 0 and 0 for x &amp;lt; 0. At x = 0 the function has a kink and, strictly, no derivative; frameworks simply pick a value. PyTorch takes the x ≤ 0 branch, so ReLU′(0) = 0: the filled dot in the lower plot. The open circle is the limit from the right, 1.</source>
        <translation>ReLU 让正输入原样通过，把负输入换成零：f(x) = max(0, x)。它的导数是一个阶跃：x &amp;gt; 0 时为 1，x &amp;lt; 0 时为 0。在 x = 0 处函数有一个折点，严格说来没有导数；各框架只是选定一个值。PyTorch 取 x ≤ 0 分支，因此 ReLU′(0) = 0：即下方图中的实心点。空心圆是右极限 1。</translation>
    </message>
    <message>
        <source>Move the mouse over a plot to read x, f(x) and f′(x). The faint curve is softplus, ln(1 + eˣ), a smooth ReLU: its derivative is the sigmoid, a smooth step. Press 2 to select Leaky ReLU and drag its slope a: the lower step of the derivative lifts off zero.</source>
        <translation>将鼠标移到图上可读取 x、f(x) 和 f′(x)。浅色曲线是 softplus，即 ln(1 + eˣ)，一种光滑的 ReLU：它的导数是 sigmoid，一个光滑的阶跃。按 2 选择 Leaky ReLU 并拖动其斜率 a：导数的下台阶离开了零。</translation>
    </message>
    <message>
        <source>For every negative input ReLU&apos;s gradient is exactly zero. A unit whose input is negative for every training example learns nothing at all: that is a dead neuron (lessons 2 and 6).</source>
        <translation>对每个负输入，ReLU 的梯度都恰好为零。若一个单元的输入对每个训练样本都为负，它就什么也学不到：这就是死亡神经元（第 2 课和第 6 课）。</translation>
    </message>
    <message>
        <source>The dying ReLU at a high learning rate</source>
        <translation>高学习率下的 ReLU 死亡</translation>
    </message>
    <message>
        <source>The lab trains the reference network — two spirals, 2-32-32-32-1 with ReLU, He initialisation, plain SGD on the full batch — with a learning rate of 5 instead of 0.1.</source>
        <translation>实验室训练参考网络——双螺旋数据，2-32-32-32-1 结构，ReLU，He 初始化，全批量普通 SGD——但学习率取 5 而不是 0.1。</translation>
    </message>
    <message>
        <source>Press Play (Space). Within the first 25 steps one huge update pushes most units below zero for every point: 61 of the 96 hidden units die (1, 28 and 32 in the three layers). With the third layer entirely dead the output is the same for every point: the loss stays at ln 2 ≈ 0.693, the accuracy at 50 %, however long you train. Then drag the learning rate to 2 and press Reset (R): after 1,000 steps 73 units are dead and the accuracy is stuck near 65 %. At 0.1, the reference, the network starts with 0, 4 and 7 dead units and reaches about 97 %.</source>
        <translation>按“播放”（空格键）。在前 25 步内，一次巨大的更新把大多数单元在每个点上都推到零以下：96 个隐藏单元中有 61 个死亡（三层中分别为 1、28 和 32 个）。第三层全部死亡后，输出对每个点都相同：无论训练多久，损失都停在 ln 2 ≈ 0.693，准确率停在 50 %。然后把学习率拖到 2 并按“重置”（R）：1,000 步后有 73 个单元死亡，准确率卡在 65 % 左右。在参考值 0.1 下，网络开始时有 0、4 和 7 个死亡单元，最终达到约 97 %。</translation>
    </message>
    <message>
        <source>A dead unit gets no gradient, so nothing in training brings it back; only a change in the layers before it could. The learning rate, not the data, decided how many units the network kept.</source>
        <translation>死亡单元得不到梯度，因此训练中没有任何东西能让它复活；只有它之前的层发生变化才可能。决定网络保留多少单元的是学习率，而不是数据。</translation>
    </message>
    <message>
        <source>Leaky ReLU keeps units alive</source>
        <translation>Leaky ReLU 让单元存活</translation>
    </message>
    <message>
        <source>The same spirals and network, trained with Adam at a learning rate of 0.1 (high for Adam), with Leaky ReLU of slope a = 0.1: for x &amp;lt; 0 it gives a·x, so its gradient there is a, not zero.</source>
        <translation>同样的螺旋数据和网络，用 Adam 以 0.1 的学习率（对 Adam 而言偏高）训练，激活函数为斜率 a = 0.1 的 Leaky ReLU：x &amp;lt; 0 时输出 a·x，因此那里的梯度是 a，而不是零。</translation>
    </message>
    <message>
        <source>For Leaky ReLU a &quot;dead&quot; unit is one that is negative on every point, but its gradient is a·δ instead of zero, so it keeps learning and can return. Try a = 0.01, PyTorch&apos;s default: the network survives too, with more units left negative. Keras layers default to 0.3, tf.nn.leaky_relu to 0.2: check which one your code uses.</source>
        <translation>对于 Leaky ReLU，“死亡”单元指在每个点上都为负的单元，但它的梯度是 a·δ 而不是零，因此它会继续学习并能恢复。试试 PyTorch 的默认值 a = 0.01：网络同样能存活，只是留下更多为负的单元。Keras 的层默认 0.3，tf.nn.leaky_relu 默认 0.2：请检查你的代码用的是哪一个。</translation>
    </message>
    <message>
        <source>PReLU learns its slope</source>
        <translation>PReLU 学习自己的斜率</translation>
    </message>
    <message>
        <source>PReLU is Leaky ReLU whose slope a is learned by gradient descent with the weights — here one a per layer, starting from PyTorch&apos;s 0.25. The lab trains the reference experiment (SGD at 0.1) with PReLU.</source>
        <translation>PReLU 是斜率 a 与权重一起通过梯度下降学习的 Leaky ReLU——这里每层一个 a，从 PyTorch 的 0.25 开始。实验室用 PReLU 训练参考实验（SGD，学习率 0.1）。</translation>
    </message>
    <message>
        <source>Press Play and watch the chart of the learned slopes. After 2,000 steps the first layer&apos;s a is about 0.29, the second&apos;s −0.39 and the third&apos;s −2.9. Nothing keeps a between 0 and 1: with a negative a the unit answers a negative input with a positive output, and the activation is no longer monotonic. Tick &quot;one alpha per unit&quot; to learn a slope per unit.</source>
        <translation>按“播放”并观察学到的斜率图。2,000 步后，第一层的 a 约为 0.29，第二层约为 −0.39，第三层约为 −2.9。没有什么能把 a 限制在 0 和 1 之间：a 为负时，单元对负输入给出正输出，激活函数不再单调。勾选“每个单元一个 alpha”可为每个单元学习一个斜率。</translation>
    </message>
    <message>
        <source>The accuracy ends near 97.7 %, like ReLU&apos;s, with no dead unit in the first two layers. A shared a gathers the gradient of every unit of its layer, so it moves fast: at a learning rate of 0.5 this run diverges within 200 steps, where ReLU merely loses units.</source>
        <translation>准确率最终约为 97.7 %，与 ReLU 相当，且前两层没有死亡单元。共享的 a 汇集了该层每个单元的梯度，因此变化很快：学习率为 0.5 时，这次运行在 200 步内发散，而 ReLU 只是失去一些单元。</translation>
    </message>
    <message>
        <source>RReLU in training and evaluation; the paper and PyTorch</source>
        <translation>训练与评估中的 RReLU；论文与 PyTorch</translation>
    </message>
    <message>
        <source>RReLU (Xu et al. 2015) is a leaky ReLU whose slope is random in training: every element draws its own a from U(lower, upper), PyTorch&apos;s defaults being 1/8 and 1/3. In evaluation it uses the fixed mean slope (lower + upper) / 2 = 11/48 ≈ 0.229.</source>
        <translation>RReLU（Xu 等人 2015）是训练时斜率随机的泄露 ReLU：每个元素从 U(lower, upper) 中抽取自己的 a，PyTorch 的默认值为 1/8 和 1/3。评估时它使用固定的平均斜率 (lower + upper) / 2 = 11/48 ≈ 0.229。</translation>
    </message>
    <message>
        <source>The explorer shows training mode: each sample point has its own slope, so the negative half is a cloud between the dashed lines x/8 and x/3. Press Resample or tick Animate: each draw is one forward pass. Switch to Evaluation and the cloud becomes one line. Leaky ReLU (a = 0.01) is drawn faintly for comparison.</source>
        <translation>浏览器显示的是训练模式：每个采样点有自己的斜率，因此负半轴是虚线 x/8 与 x/3 之间的一片点云。按“重新抽样”或勾选“动画”：每次抽取就是一次前向传播。切换到“评估”，点云就变成一条线。浅色绘出的 Leaky ReLU（a = 0.01）用于对比。</translation>
    </message>
    <message>
        <source>Born dead: deep and narrow networks</source>
        <translation>生而死亡：深而窄的网络</translation>
    </message>
    <message>
        <source>A ReLU network can be dead before training starts: if every unit of one hidden layer is zero for every input, the layers after it see a constant, the output is constant, and no gradient reaches the layers before. Lu et al. (2019) showed that with symmetric initialisations such as He&apos;s this becomes likely as the depth grows at a fixed width. The lab shows 8 hidden layers of 2 units, He normal from seed 1.</source>
        <translation>ReLU 网络可能在训练开始前就已死亡：如果某个隐藏层的每个单元对每个输入都为零，其后各层看到的是常数，输出为常数，梯度也到达不了之前的各层。Lu 等人（2019）证明，采用 He 初始化等对称初始化时，在宽度固定的情况下，随着深度增加这种情况会越来越可能发生。实验室展示的是 8 个隐藏层、每层 2 个单元、种子为 1 的 He 正态初始化。</translation>
    </message>
    <message>
        <source>Look at the network before pressing Play: layers 5 to 8 are entirely dead, the loss is ln 2 ≈ 0.693 and the accuracy 50 %. Press Play: nothing changes in 2,000 steps. Try other initial-weight seeds: at width 2, seven of the seeds 1 to 8 give a dead network. Raise the width to 3, 4 and 8, or switch the initialisation to RAI, the randomized asymmetric initialisation Lu et al. propose.</source>
        <translation>按“播放”之前先看看网络：第 5 到 8 层全部死亡，损失为 ln 2 ≈ 0.693，准确率为 50 %。按“播放”：2,000 步内什么也没有改变。试试其他初始权重种子：宽度为 2 时，种子 1 到 8 中有七个得到死亡网络。把宽度增加到 3、4 和 8，或把初始化切换为 RAI，即 Lu 等人提出的随机非对称初始化。</translation>
    </message>
    <message>
        <source>Of 4,000 random He-initialised networks of depth 8 on two inputs, 81 % are born dead at width 2, 44 % at width 3, 15 % at width 4 and fewer than 0.1 % at width 8; with RAI, 19 % at width 2 (relulab-cli born-dead). Depth needs width.</source>
        <translation>在 4,000 个深度为 8、两个输入、采用 He 初始化的随机网络中，宽度为 2 时 81 % 生而死亡，宽度为 3 时 44 %，宽度为 4 时 15 %，宽度为 8 时不到 0.1 %；采用 RAI 时，宽度为 2 时为 19 %（relulab-cli born-dead）。有深度，就需要宽度。</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;%1. %2</source>
        <translation>&amp;%1. %2</translation>
    </message>
    <message>
        <source>Set up lesson %1 and show its text beside the window</source>
        <translation>设置第 %1 课，并在窗口旁显示其文字</translation>
    </message>
    <message>
        <source>Could not open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson text</source>
        <translation>课程文字</translation>
    </message>
    <message>
        <source>The lesson: what it sets up, what to try, what to notice</source>
        <translation>课程：设置了什么、可以尝试什么、需要注意什么</translation>
    </message>
    <message>
        <source>◀ &amp;Previous lesson</source>
        <translation>◀ 上一课(&amp;P)</translation>
    </message>
    <message>
        <source>Set up the previous lesson</source>
        <translation>设置上一课</translation>
    </message>
    <message>
        <source>Ne&amp;xt lesson ▶</source>
        <translation>下一课(&amp;X) ▶</translation>
    </message>
    <message>
        <source>Set up the next lesson</source>
        <translation>设置下一课</translation>
    </message>
    <message>
        <source>Lesson &amp;panel</source>
        <translation>课程面板(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the text of the current lesson</source>
        <translation>显示或隐藏当前课程的文字</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>第 %1 课：%2</translation>
    </message>
    <message>
        <source>Try</source>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>There is no lesson %1.</source>
        <translation>没有第 %1 课。</translation>
    </message>
    <message>
        <source>Lesson %1 of %2</source>
        <translation>第 %1 课，共 %2 课</translation>
    </message>
    <message>
        <source>Press Play and watch the dead counts. A loss spike near step 850 pushes many units below zero on every point (20, 18 and 23 of 32), yet they come back: 100 steps later the accuracy is above 95 % again, and after a second spike near step 1,800 only 17, 5 and 1 are left at step 2,000, with about 97 % accuracy. Then set the lab&apos;s activation to ReLU, everything else unchanged, and run again: it too reaches about 97.7 %, until a spike between steps 1,400 and 1,450 kills 87 of its 96 units (26, 32 and 29). It never recovers: the accuracy stays at 50 %.</source>
        <translation>按“播放”并观察死亡计数。第 850 步附近的一次损失突增把许多单元在每个点上都推到零以下（每层 32 个中分别有 20、18 和 23 个），但它们又回来了：100 步之后准确率又超过 95 %；第 1,800 步附近再次突增之后，到第 2,000 步只剩 17、5 和 1 个，准确率约为 97 %。然后把实验室的激活函数改为 ReLU，其余不变，再运行一次：它同样达到约 97.7 %，直到第 1,400 步与第 1,450 步之间的一次突增杀死了 96 个单元中的 87 个（分别为 26、32 和 29 个）。它再也没有恢复：准确率停在 50 %。</translation>
    </message>
    <message>
        <source>The histogram compares the drawn slopes with the uniform density and with the original paper. Its notation is inconsistent: Xu et al. define y = a·x for x &amp;lt; 0 with a ~ U(l, u) and l, u in [0, 1), then sample a from U(3, 8) and test with x / ((l + u) / 2). Read as a divisor, as the histogram&apos;s dots do, the paper computes x / a with a ~ U(3, 8): the same end points 1/8 and 1/3, but the slopes 1/a are not uniform — small ones are more frequent. At test time it then divides by the mean divisor 5.5, a slope of 2/11 ≈ 0.182, while PyTorch uses the mean slope 0.229: the two conventions give different networks at test time.</source>
        <translation>直方图把抽取的斜率与均匀密度以及原论文相比较。原论文的记号前后不一致：Xu 等人定义 x &amp;lt; 0 时 y = a·x，其中 a ~ U(l, u)，l、u 属于 [0, 1)；随后却从 U(3, 8) 中抽取 a，测试时用 x / ((l + u) / 2)。若像直方图中的点那样把 a 读作除数，论文计算的就是 x / a，a ~ U(3, 8)：端点同为 1/8 和 1/3，但斜率 1/a 并不均匀——较小的斜率更常见。测试时它再除以除数的均值 5.5，即斜率 2/11 ≈ 0.182，而 PyTorch 使用平均斜率 0.229：两种约定在测试时给出不同的网络。</translation>
    </message>
    <message>
        <source>Vanishing gradients: why ReLU</source>
        <translation>梯度消失：为什么用 ReLU</translation>
    </message>
    <message>
        <source>The Gradient flow tab trains a deep network — two spirals, 20 hidden layers of 32 units, He initialisation from seed 1, SGD at 0.05 on the full batch — with sigmoid units, and beside it the same network with ReLU, from the same initial weights. The charts show the norm of the gradient of each layer&apos;s weights on a logarithmic axis.</source>
        <translation>“梯度流”标签页训练一个使用 sigmoid 单元的深层网络——双螺旋数据，20 个隐藏层，每层 32 个单元，种子为 1 的 He 初始化，全批量 SGD，学习率 0.05——并在旁边从相同的初始权重训练使用 ReLU 的同一网络。图表在对数坐标轴上显示每层权重的梯度范数。</translation>
    </message>
    <message>
        <source>Before pressing Play, read the depth profile and the line above the charts. With sigmoid the first layer gets 1.1e-10 times the gradient of the twentieth (about 4.9e-12 against 0.044): backpropagation multiplies one factor per layer, and sigmoid&apos;s derivative is at most 1/4. The heat map of the back-propagated gradients, under the depth profile, shows them drifting to the left layer by layer, a factor of about 3.3 per layer. With ReLU the ratio is 1.1 and every layer gets between 0.0072 and 0.029. Now press Play: by step 500 the ReLU network classifies 96.8 % of the points, while the sigmoid network&apos;s loss has settled at ln 2 ≈ 0.693 (accuracy 37.9 %) and none of its layers gets more than 2.8e-11.</source>
        <translation>按“播放”之前，先看深度剖面和图表上方的那行文字。使用 sigmoid 时，第一层得到的梯度是第二十层的 1.1e-10 倍（约 4.9e-12 对 0.044）：反向传播每经过一层就乘上一个因子，而 sigmoid 的导数最大只有 1/4。深度剖面下方是反向传播的梯度的热图，可以看到梯度逐层向左漂移，每层约相差 3.3 倍。使用 ReLU 时，这一比值为 1.1，每层得到的梯度都在 0.0072 到 0.029 之间。现在按“播放”：到第 500 步，ReLU 网络已能正确分类 96.8 % 的点，而 sigmoid 网络的损失停在 ln 2 ≈ 0.693（准确率 37.9 %），它的任何一层得到的梯度都不超过 2.8e-11。</translation>
    </message>
    <message>
        <source>The table&apos;s Blocked column says at most 0.2 % for any sigmoid layer: hardly a unit is saturated here, the small derivative alone is enough. Glorot and Bengio (2010) plotted per-layer histograms like these to show it. Set the activation to tanh, whose derivative reaches 1: its first layer gets 0.33 times the gradient of the twentieth. Or keep sigmoid and lower the depth to 5: 0.0011, fewer factors. Init gain changes how much each layer passes on.</source>
        <translation>表格的“阻断”列显示，任何一个 sigmoid 层都不超过 0.2 %：这里几乎没有单元饱和，单是导数小就足够了。Glorot 与 Bengio（2010）正是画出这样的逐层直方图来说明这一点。把激活函数设为 tanh，它的导数最大可达 1：它的第一层得到的梯度是第二十层的 0.33 倍。或者保留 sigmoid，把深度降到 5：比值为 0.0011，因为因子更少。“初始化增益”会改变每一层传递下去的梯度大小。</translation>
    </message>
    <message>
        <source>Sparsity and L1</source>
        <translation>稀疏性与 L1</translation>
    </message>
    <message>
        <source>ReLU outputs exact zeros: every negative input gives 0, not a small number. A layer&apos;s output is then sparse: many of its numbers are exactly zero. The lab trains the reference network (two spirals, 2-32-32-32-1, He initialisation) with Adam at 0.01 and an L1 penalty λ = 0.001 on the weights, beside the same network with tanh.</source>
        <translation>ReLU 输出真正的零：每个负输入都得到 0，而不是一个很小的数。于是一层的输出是稀疏的：其中许多数恰好为零。实验室用 Adam（学习率 0.01）并对权重施加 λ = 0.001 的 L1 惩罚来训练参考网络（双螺旋数据，2-32-32-32-1，He 初始化），并在旁边训练使用 tanh 的同一网络。</translation>
    </message>
    <message>
        <source>Press Play and let it train 2,000 steps; read the table&apos;s True zeros column. With L1, 78.4 % of the first layer&apos;s outputs are exactly 0 and 20 of its 32 units are dead (20, 14 and 13 in the three layers), yet the accuracy is 97.9 %. Set L1 to 0 in the Training group and press Reset: the first layer ends with 54.3 % zeros, no dead unit (0, 9 and 5) and 97.6 %. Set the activation to tanh: 0.0 % zeros in every layer, at step 2,000 too.</source>
        <translation>按“播放”，让它训练 2,000 步；然后读表格的“真零”列。有 L1 时，第一层 78.4 % 的输出恰好为 0，其 32 个单元中有 20 个死亡（三层中分别为 20、14 和 13 个），而准确率仍有 97.9 %。在“训练”组中把 L1 设为 0 并按“重置”：第一层最终有 54.3 % 的零，没有死亡单元（三层分别为 0、9 和 5 个），准确率为 97.6 %。把激活函数设为 tanh：每一层的零都是 0.0 %，到第 2,000 步也是如此。</translation>
    </message>
    <message>
        <source>L1 adds λ·sign(w) to each weight&apos;s gradient, a constant pull toward zero that the loss must outweigh: the units the task does not need are switched off, and the others keep the accuracy. Weight decay (L2) pulls in proportion to w instead: try 0.003 with L1 at 0, and only 3 units end dead (0, 3 and 0). ReLU&apos;s output is unbounded, so without a penalty nothing stops weights and activations from growing.</source>
        <translation>L1 在每个权重的梯度上加上 λ·sign(w)，这是一个把权重拉向零的恒定拉力，损失必须胜过它才行：任务不需要的单元被关闭，其余单元维持准确率。权重衰减（L2）则按 w 的大小成比例地拉回：试试把权重衰减设为 0.003、L1 设为 0，最终只有 3 个单元死亡（三层分别为 0、3 和 0 个）。ReLU 的输出没有上界，因此没有惩罚时，没有什么能阻止权重和激活值不断增大。</translation>
    </message>
</context>
<context>
    <name>relulab::ui::MainWindow</name>
    <message>
        <source>compute – ms + redraw – ms</source>
        <translation>计算 – 毫秒 + 重绘 – 毫秒</translation>
    </message>
    <message>
        <source>Time of the last compute (on the worker thread) and redraw</source>
        <translation>上一次计算（在工作线程上）和重绘所用的时间</translation>
    </message>
    <message>
        <source>lower ≤ upper: dragging one past the other pushes it along.</source>
        <translation>lower ≤ upper：把一个拖过另一个时会推着它一起移动。</translation>
    </message>
    <message>
        <source>Dead neurons</source>
        <translation>死亡神经元</translation>
    </message>
    <message>
        <source>Activation race</source>
        <translation>激活函数竞赛</translation>
    </message>
    <message>
        <source>Born dead</source>
        <translation>生而死亡</translation>
    </message>
    <message>
        <source>%1: a rectifier, the subject of this lab.</source>
        <translation>%1：整流函数，本实验室的主题。</translation>
    </message>
    <message>
        <source>%1, for comparison.</source>
        <translation>%1，用于对比。</translation>
    </message>
    <message>
        <source>Draw %1 faintly behind the selected function.</source>
        <translation>在所选函数后面以浅色绘出 %1。</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已载入 %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Open preset</source>
        <translation>打开预设</translation>
    </message>
    <message>
        <source>ReLU Lab presets (*.json)</source>
        <translation>ReLU 实验室预设 (*.json)</translation>
    </message>
    <message>
        <source>Could not open the preset</source>
        <translation>无法打开预设</translation>
    </message>
    <message>
        <source>Could not save the preset</source>
        <translation>无法保存预设</translation>
    </message>
    <message>
        <source>Save preset as</source>
        <translation>预设另存为</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>&amp;alpha</source>
        <translation>alpha(&amp;A)</translation>
    </message>
    <message>
        <source>%1 has no alpha parameter.</source>
        <translation>%1 没有 alpha 参数。</translation>
    </message>
    <message>
        <source>slope &amp;a</source>
        <translation>斜率 a(&amp;A)</translation>
    </message>
    <message>
        <source>Leaky ReLU&apos;s negative slope a (PyTorch default 0.01).</source>
        <translation>Leaky ReLU 的负半轴斜率 a（PyTorch 默认 0.01）。</translation>
    </message>
    <message>
        <source>weight &amp;a</source>
        <translation>权重 a(&amp;A)</translation>
    </message>
    <message>
        <source>PReLU&apos;s weight a: learned in training, here set by hand (PyTorch initialises it to 0.25).</source>
        <translation>PReLU 的权重 a：训练中学习得到，这里手动设置（PyTorch 将其初始化为 0.25）。</translation>
    </message>
    <message>
        <source>ELU&apos;s alpha: the value it saturates to is −alpha (PyTorch default 1).</source>
        <translation>ELU 的 alpha：函数饱和到的值为 −alpha（PyTorch 默认 1）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;upper pushed up to %1&lt;/b&gt; to stay ≥ lower</source>
        <translation>&lt;b&gt;upper 被推高到 %1&lt;/b&gt;，以保持 ≥ lower</translation>
    </message>
    <message>
        <source>&lt;b&gt;lower pushed down to %1&lt;/b&gt; to stay ≤ upper</source>
        <translation>&lt;b&gt;lower 被推低到 %1&lt;/b&gt;，以保持 ≤ upper</translation>
    </message>
    <message>
        <source>compute %1 ms + redraw %2 ms</source>
        <translation>计算 %1 毫秒 + 重绘 %2 毫秒</translation>
    </message>
    <message>
        <source>Save window as PNG</source>
        <translation>将窗口保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not save the image</source>
        <translation>无法保存图片</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>There is nothing to export yet: the curves have not been drawn.</source>
        <translation>还没有可导出的内容：曲线尚未绘制。</translation>
    </message>
    <message>
        <source>Export the training history</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <source>Export the curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not export the data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <source>The lab&apos;s network, initialisation, loss and optimiser. The frameworks draw their own random numbers, so the initial weights differ from the lab&apos;s.</source>
        <translation>实验室的网络、初始化、损失和优化器。各框架使用自己的随机数，因此初始权重与实验室的不同。</translation>
    </message>
    <message>
        <source>The selected function with its parameters, on the explorer&apos;s x range. Keras has no RReLU layer: its code defines one.</source>
        <translation>所选函数及其参数，取浏览器的 x 范围。Keras 没有 RReLU 层：其代码中定义了一个。</translation>
    </message>
    <message>
        <source>About ReLU Lab</source>
        <translation>关于 ReLU 实验室</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ReLU Lab %1&lt;/h3&gt;&lt;p&gt;An interactive lab for the rectifier family of activation functions.&lt;/p&gt;&lt;p&gt;Licence: GNU GPL version 3 or later.&lt;br&gt;Qt %2 · QCustomPlot %3 · OpenMP threads: %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ReLU 实验室 %1&lt;/h3&gt;&lt;p&gt;一个用于学习整流类激活函数的交互式实验室。&lt;/p&gt;&lt;p&gt;许可证：GNU GPL 第 3 版或更高版本。&lt;br&gt;Qt %2 · QCustomPlot %3 · OpenMP 线程数：%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This tab has no data to export: Export data writes the function explorer&apos;s curves or the dead-neuron lab&apos;s training history.</source>
        <translation>此标签页没有可导出的数据：“导出数据”写出的是函数浏览器的曲线或死亡神经元实验室的训练历史。</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
</context>
<context>
    <name>relulab::ui::NetworkView</name>
    <message>
        <source>dead (no gradient)</source>
        <translation>死亡（无梯度）</translation>
    </message>
    <message>
        <source>dead, still learning</source>
        <translation>死亡，仍在学习</translation>
    </message>
    <message>
        <source>active &lt; 5 %</source>
        <translation>激活 &lt; 5 %</translation>
    </message>
    <message>
        <source>activation rate 0–100 %</source>
        <translation>激活率 0–100 %</translation>
    </message>
    <message>
        <source>w &gt; 0</source>
        <translation>w &gt; 0</translation>
    </message>
    <message>
        <source>w &lt; 0</source>
        <translation>w &lt; 0</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>%1 dead</source>
        <translation>%1 个死亡</translation>
    </message>
    <message>
        <source>%1 dead / %2</source>
        <translation>%1 个死亡 / %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>output unit: the logit, at step %1</source>
        <translation>输出单元：logit，第 %1 步</translation>
    </message>
    <message>
        <source>layer %1, unit %2</source>
        <translation>第 %1 层，单元 %2</translation>
    </message>
    <message>
        <source>%1: training diverged</source>
        <translation>%1：训练已发散</translation>
    </message>
    <message>
        <source>%1: not measured yet</source>
        <translation>%1：尚未测量</translation>
    </message>
    <message>
        <source>%1: active on %2 % of points
dead: never active; gets no gradient</source>
        <translation>%1：在 %2 % 的点上激活
死亡：从不激活；得不到梯度</translation>
    </message>
    <message>
        <source>%1: active on %2 % of points
dead by the ≤ 0 test, still gets gradient</source>
        <translation>%1：在 %2 % 的点上激活
按 ≤ 0 判据为死亡，但仍有梯度</translation>
    </message>
    <message>
        <source>%1: active on %2 % of points
rarely active (on fewer than 5 % of points)</source>
        <translation>%1：在 %2 % 的点上激活
很少激活（在不到 5 % 的点上）</translation>
    </message>
    <message>
        <source>%1: active on %2 % of points</source>
        <translation>%1：在 %2 % 的点上激活</translation>
    </message>
    <message>
        <source>no network yet</source>
        <translation>尚无网络</translation>
    </message>
    <message>
        <source>at step %1 · lower the learning rate, then reset</source>
        <translation>在第 %1 步 · 请降低学习率，然后重置</translation>
    </message>
    <message>
        <source>training diverged: weights are no longer finite</source>
        <translation>训练已发散：权重不再是有限值</translation>
    </message>
    <message>
        <source>dead counts under numbered layers only</source>
        <translation>死亡数只标在有编号的层下</translation>
    </message>
    <message>
        <source>links: the strongest %1 per layer (%2 of %3)</source>
        <translation>连接：每层最强的 %1 条（共 %3 条，显示 %2 条）</translation>
    </message>
</context>
<context>
    <name>relulab::ui::Presentation</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen for a projector: larger fonts and lines, high contrast, only the main controls (F11; Esc leaves)</source>
        <translation>适合投影仪的全屏模式：更大的字体和线条，高对比度，只保留主要控件（F11；Esc 退出）</translation>
    </message>
    <message>
        <source>Presentation &amp;scale…</source>
        <translation>演示缩放(&amp;S)…</translation>
    </message>
    <message>
        <source>How much larger fonts and lines are in presentation mode</source>
        <translation>演示模式下字体和线条放大的倍数</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds, for dimmed rooms</source>
        <translation>深色背景上的浅色文字，适合光线较暗的房间</translation>
    </message>
    <message>
        <source>Presentation scale</source>
        <translation>演示缩放</translation>
    </message>
    <message>
        <source>Fonts and lines in presentation mode, as a multiple of their usual size:</source>
        <translation>演示模式下字体和线条相对于平常大小的倍数：</translation>
    </message>
</context>
<context>
    <name>relulab::ui::RaceTab</name>
    <message>
        <source>Your own settings</source>
        <translation>自定义设置</translation>
    </message>
    <message>
        <source>Choose a starting point that shows the lesson, or set your own below.</source>
        <translation>选择一个能展示要点的起点，或在下面自行设置。</translation>
    </message>
    <message>
        <source>A lane with %1 in every hidden layer (its parameters as set in the function explorer)</source>
        <translation>每个隐藏层都使用 %1 的赛道（其参数取函数浏览器中的设置）</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>dead units (of all hidden)</source>
        <translation>死亡单元（占全部隐藏单元）</translation>
    </message>
    <message>
        <source>loss (BCE)</source>
        <translation>损失（BCE）</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Dead units</source>
        <translation>死亡单元</translation>
    </message>
    <message>
        <source>Steps to 95 %</source>
        <translation>达到 95 % 的步数</translation>
    </message>
    <message>
        <source>Accuracy on the training points</source>
        <translation>在训练点上的准确率</translation>
    </message>
    <message>
        <source>Hidden units whose input is ≤ 0 on every training point, of all hidden units</source>
        <translation>在每个训练点上输入都 ≤ 0 的隐藏单元，占全部隐藏单元</translation>
    </message>
    <message>
        <source>The first measured step at which the training accuracy reached 95 % (measured every few steps)</source>
        <translation>训练准确率首次达到 95 % 时测得的步数（每隔几步测量一次）</translation>
    </message>
    <message>
        <source>Your own settings.</source>
        <translation>自定义设置。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tick at least one activation to race.&lt;/b&gt;</source>
        <translation>&lt;b&gt;请至少勾选一个参赛的激活函数。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cannot race this configuration: %1</source>
        <translation>无法用此配置进行竞赛：%1</translation>
    </message>
    <message>
        <source>Decision boundary with %1</source>
        <translation>%1 的决策边界</translation>
    </message>
    <message>
        <source> · diverged at step %1</source>
        <translation> · 在第 %1 步发散</translation>
    </message>
    <message>
        <source> · %1/%2 dead</source>
        <translation> · %1/%2 死亡</translation>
    </message>
    <message>
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Finished at step %1.</source>
        <translation>在第 %1 步结束。</translation>
    </message>
    <message>
        <source>Cancelled at step %1: Start runs a new race.</source>
        <translation>在第 %1 步取消：按“开始”进行新的竞赛。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source> · %1 steps/s</source>
        <translation> · 每秒 %1 步</translation>
    </message>
    <message numerus="yes">
        <source>&lt;br&gt;&lt;span style=&apos;color:#B71C1C&apos;&gt;%n lane(s) diverged; the others race on.&lt;/span&gt;</source>
        <translation>
            <numerusform>&lt;br&gt;&lt;span style=&apos;color:#B71C1C&apos;&gt;%n 条赛道已发散；其余赛道继续竞赛。&lt;/span&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>relulab::ui::TrainingSettingsBinding</name>
    <message>
        <source>Full batch</source>
        <translation>全批量</translation>
    </message>
    <message numerus="yes">
        <source>%n per step</source>
        <translation>
            <numerusform>每步 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Double (reference)</source>
        <translation>双精度（参考）</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>单精度</translation>
    </message>
</context>
</TS>
